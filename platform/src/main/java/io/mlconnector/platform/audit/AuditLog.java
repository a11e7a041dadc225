package io.mlconnector.platform.audit;

import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The append-only record of everything ml-connector did for a tenant. Appends and queries run in
 * the tenant's transaction; PostgreSQL itself refuses updates and deletes of this table.
 */
@Singleton
public class AuditLog {

    private static final int MAX_TEXT = 4000;

    private final Sql sql;
    private final TenantTransactions transactions;

    public AuditLog(Sql sql, TenantTransactions transactions) {
        this.sql = sql;
        this.transactions = transactions;
    }

    public void append(AuditEntry entry) {
        transactions.write(entry.tenantId(), () -> insert(entry));
    }

    /** Appends inside a transaction the caller already holds for the entry's tenant. */
    public void insert(AuditEntry entry) {
        sql.update("INSERT INTO audit_log (tenant_id, connection_id, correlation_id, step, outcome, source_id, target_id, message) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                entry.tenantId(), entry.connectionId(), clip(entry.correlationId()), clip(entry.step()), clip(entry.outcome()),
                clip(entry.sourceId()), clip(entry.targetId()), clip(entry.message()));
    }

    /** Appends many entries of one tenant in one statement, inside the caller's transaction. */
    public void insertAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder statement = new StringBuilder(
                "INSERT INTO audit_log (tenant_id, connection_id, correlation_id, step, outcome, source_id, target_id, message) VALUES ");
        List<Object> parameters = new ArrayList<>(entries.size() * 8);
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            statement.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            parameters.add(entry.tenantId());
            parameters.add(entry.connectionId());
            parameters.add(clip(entry.correlationId()));
            parameters.add(clip(entry.step()));
            parameters.add(clip(entry.outcome()));
            parameters.add(clip(entry.sourceId()));
            parameters.add(clip(entry.targetId()));
            parameters.add(clip(entry.message()));
        }
        sql.update(statement.toString(), parameters.toArray());
    }

    public AuditPage query(UUID tenantId, AuditQuery query) {
        StringBuilder where = new StringBuilder("WHERE tenant_id = ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        if (query.connectionId() != null) {
            where.append(" AND connection_id = ?");
            parameters.add(query.connectionId());
        }
        if (query.correlationId() != null) {
            where.append(" AND correlation_id = ?");
            parameters.add(query.correlationId());
        }
        if (query.from() != null) {
            where.append(" AND occurred_at >= ?");
            parameters.add(query.from());
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < ?");
            parameters.add(query.to());
        }
        parameters.add(query.size() + 1);
        parameters.add((long) query.page() * query.size());
        List<AuditEntry> rows = transactions.read(tenantId, () -> sql.list(
                "SELECT * FROM audit_log " + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?",
                AuditLog::entry, parameters.toArray()));
        boolean hasMore = rows.size() > query.size();
        return new AuditPage(hasMore ? rows.subList(0, query.size()) : rows, query.page(), query.size(), hasMore);
    }

    /**
     * Everything recorded about one object of a connection: entries correlated with it, or naming
     * it as the source or target id. Oldest first, so it reads as a story.
     */
    public List<AuditEntry> trail(UUID tenantId, UUID connectionId, String objectId, int limit) {
        return transactions.read(tenantId, () -> sql.list(
                "SELECT * FROM audit_log WHERE tenant_id = ? AND connection_id = ? AND (correlation_id = ? OR source_id = ? OR target_id = ?) "
                        + "ORDER BY occurred_at, id LIMIT ?",
                AuditLog::entry, tenantId, connectionId, objectId, objectId, objectId, limit));
    }

    /** One entry by id, only if it belongs to the tenant (row-level security enforces it too). */
    public java.util.Optional<AuditEntry> find(UUID tenantId, long id) {
        return transactions.read(tenantId, () -> sql.one("SELECT * FROM audit_log WHERE id = ? AND tenant_id = ?", AuditLog::entry, id, tenantId));
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("id"), row.getObject("tenant_id", UUID.class), row.getObject("connection_id", UUID.class),
                row.getString("correlation_id"), row.getString("step"), row.getString("outcome"), row.getString("source_id"),
                row.getString("target_id"), row.getString("message"), Sql.instant(row, "occurred_at"));
    }

    private static String clip(String value) {
        return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT) + "…";
    }
}
