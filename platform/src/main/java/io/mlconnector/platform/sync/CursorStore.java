package io.mlconnector.platform.sync;

import io.mlconnector.platform.database.Sql;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/** Named, forward-only positions of a connection's incremental polls. */
@Singleton
public class CursorStore {

    private final Sql sql;

    public CursorStore(Sql sql) {
        this.sql = sql;
    }

    public Optional<String> get(UUID connectionId, String name) {
        return sql.one("SELECT value FROM poll_cursors WHERE connection_id = ? AND name = ?", row -> row.getString(1), connectionId, name);
    }

    public void set(UUID tenantId, UUID connectionId, String name, String value) {
        sql.update("INSERT INTO poll_cursors (tenant_id, connection_id, name, value) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (connection_id, name) DO UPDATE SET value = excluded.value, updated_at = now()",
                tenantId, connectionId, name, value);
    }
}
