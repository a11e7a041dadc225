package io.mlconnector.platform.sync;

import io.mlconnector.platform.database.Sql;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/** The id-mapping ledger, inside the owning tenant's transaction. */
@Singleton
public class IdMappingStore {

    private final Sql sql;

    public IdMappingStore(Sql sql) {
        this.sql = sql;
    }

    public Optional<String> target(UUID connectionId, String kind, String sourceId) {
        return sql.one("SELECT target_id FROM id_mappings WHERE connection_id = ? AND kind = ? AND source_id = ?",
                row -> row.getString(1), connectionId, kind, sourceId);
    }

    public Optional<String> source(UUID connectionId, String kind, String targetId) {
        return sql.one("SELECT source_id FROM id_mappings WHERE connection_id = ? AND kind = ? AND target_id = ? ORDER BY created_at LIMIT 1",
                row -> row.getString(1), connectionId, kind, targetId);
    }

    /** Inserts unless the source is already mapped; the unique key makes this safe under concurrency. */
    public boolean put(UUID tenantId, UUID connectionId, String kind, String sourceId, String targetId) {
        return sql.update("INSERT INTO id_mappings (tenant_id, connection_id, kind, source_id, target_id) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", tenantId, connectionId, kind, sourceId, targetId) == 1;
    }

    public void replace(UUID tenantId, UUID connectionId, String kind, String sourceId, String targetId) {
        sql.update("INSERT INTO id_mappings (tenant_id, connection_id, kind, source_id, target_id) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (connection_id, kind, source_id) DO UPDATE SET target_id = excluded.target_id, created_at = now()",
                tenantId, connectionId, kind, sourceId, targetId);
    }

    /** A target already mapped, with one of its sources (to help a person recognise it) and how many map to it. */
    public record KnownTarget(String id, String example, int count) {
    }

    /** The distinct targets of one kind this connection has mapped, by id. */
    public java.util.List<KnownTarget> targets(UUID connectionId, String kind, int limit) {
        return sql.list("SELECT target_id, min(source_id) AS example, count(*) AS n FROM id_mappings "
                        + "WHERE connection_id = ? AND kind = ? AND tenant_id = current_tenant() "
                        + "GROUP BY target_id ORDER BY target_id LIMIT ?",
                row -> new KnownTarget(row.getString("target_id"), row.getString("example"), row.getInt("n")),
                connectionId, kind, limit);
    }

    public void remove(UUID connectionId, String kind, String sourceId) {
        sql.update("DELETE FROM id_mappings WHERE connection_id = ? AND kind = ? AND source_id = ?", connectionId, kind, sourceId);
    }
}
