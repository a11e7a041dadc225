package io.mlconnector.platform.sync;

import io.mlconnector.api.context.Choice;
import io.mlconnector.platform.database.Sql;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The entries of connections' pick lists, always inside the owning tenant's transaction. */
@Singleton
public class PickListStore {

    /** Upper bound on one search's answer, whatever is asked. */
    public static final int MAX_RESULTS = 200;

    private final Sql sql;

    public PickListStore(Sql sql) {
        this.sql = sql;
    }

    public void put(UUID tenantId, UUID connectionId, String list, Collection<Choice> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Choice c : entries) {
            rows.add(new Object[] {tenantId, connectionId, list, c.id(), c.label(), c.detail(), searchText(c)});
        }
        sql.batch("INSERT INTO pick_list_entries (tenant_id, connection_id, list, entry_id, label, detail, search_text) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (connection_id, list, entry_id) DO UPDATE SET "
                + "label = excluded.label, detail = excluded.detail, search_text = excluded.search_text, updated_at = now()", rows);
    }

    /** Makes the list exactly these entries; call inside one transaction. */
    public void replace(UUID tenantId, UUID connectionId, String list, Collection<Choice> entries) {
        sql.update("DELETE FROM pick_list_entries WHERE connection_id = ? AND list = ? AND NOT (entry_id = ANY (?))",
                connectionId, list, entries.stream().map(Choice::id).toArray(String[]::new));
        put(tenantId, connectionId, list, entries);
    }

    /** The first entries of a list by label, for forms that offer a whole short list. */
    public List<Choice> first(UUID connectionId, String list, int limit) {
        return sql.list("SELECT entry_id, label, detail FROM pick_list_entries WHERE connection_id = ? AND list = ? "
                + "ORDER BY lower(label), entry_id LIMIT ?", PickListStore::choice, connectionId, list, limit);
    }

    public void remove(UUID connectionId, String list, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        sql.update("DELETE FROM pick_list_entries WHERE connection_id = ? AND list = ? AND entry_id = ANY (?)",
                connectionId, list, ids.toArray(String[]::new));
    }

    public Optional<Choice> find(UUID connectionId, String list, String id) {
        return sql.one("SELECT entry_id, label, detail FROM pick_list_entries WHERE connection_id = ? AND list = ? AND entry_id = ?",
                PickListStore::choice, connectionId, list, id);
    }

    /** Entries containing the text in their label, detail or id, by label. */
    public List<Choice> search(UUID connectionId, String list, String text, int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_RESULTS));
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return sql.list("SELECT entry_id, label, detail FROM pick_list_entries WHERE connection_id = ? AND list = ? "
                    + "ORDER BY lower(label), entry_id LIMIT ?", PickListStore::choice, connectionId, list, bounded);
        }
        String like = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return sql.list("SELECT entry_id, label, detail FROM pick_list_entries WHERE connection_id = ? AND list = ? "
                + "AND search_text LIKE ? ORDER BY lower(label), entry_id LIMIT ?", PickListStore::choice, connectionId, list, like, bounded);
    }

    public int size(UUID connectionId, String list) {
        return sql.one("SELECT count(*) FROM pick_list_entries WHERE connection_id = ? AND list = ?",
                row -> row.getInt(1), connectionId, list).orElse(0);
    }

    private static String searchText(Choice c) {
        return (c.label() + " " + (c.detail() == null ? "" : c.detail()) + " " + c.id()).toLowerCase(Locale.ROOT);
    }

    private static Choice choice(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Choice(row.getString(1), row.getString(2), row.getString(3));
    }
}
