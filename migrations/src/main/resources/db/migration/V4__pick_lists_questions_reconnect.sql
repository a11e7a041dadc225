-- Objects people pick from when they match a held record by hand (e.g. the QuickBooks customers),
-- kept by each connection's connector.
CREATE TABLE pick_list_entries (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    connection_id uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    list          text        NOT NULL,
    entry_id      text        NOT NULL,
    label         text        NOT NULL,
    detail        text,
    -- Lower-cased label, detail and id: what a search matches.
    search_text   text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (connection_id, list, entry_id)
);
CREATE INDEX pick_list_entries_label ON pick_list_entries (connection_id, list, lower(label), entry_id);
CREATE INDEX pick_list_entries_tenant ON pick_list_entries (tenant_id);

ALTER TABLE pick_list_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE pick_list_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON pick_list_entries TO ml_tenant
    USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
DO
$$
BEGIN
    EXECUTE format('CREATE POLICY platform_rows ON pick_list_entries TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
GRANT SELECT, INSERT, UPDATE, DELETE ON pick_list_entries TO ml_tenant;

-- The question a person answers to let a held record go on: which object of the other system it is.
ALTER TABLE sync_records
    ADD COLUMN match_kind      text,
    ADD COLUMN match_source_id text,
    ADD COLUMN match_noun      text,
    ADD COLUMN match_list      text;

-- Set when a system refused the connection's credentials; cleared when they work again.
ALTER TABLE connections
    ADD COLUMN reconnect_system text,
    ADD COLUMN reconnect_reason text,
    ADD COLUMN reconnect_since  timestamptz;
