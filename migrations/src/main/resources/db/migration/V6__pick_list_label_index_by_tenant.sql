-- Row-level security adds "tenant_id = current_tenant()" to every query; with the tenant leading the
-- index a search checks it once, not once per entry of the list it reads.
DROP INDEX pick_list_entries_label;
CREATE INDEX pick_list_entries_label ON pick_list_entries (tenant_id, connection_id, list, lower(label), entry_id);
