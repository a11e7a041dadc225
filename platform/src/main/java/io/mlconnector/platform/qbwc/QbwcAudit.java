package io.mlconnector.platform.qbwc;

import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.database.Sql;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Audit entries of a Web Connector message, written in one batch inside the caller's tenant
 * transaction: a message carries up to a batch size of requests, each with its own entry.
 */
@Singleton
class QbwcAudit {

    private static final int MAX_TEXT = 4000;

    private final Sql sql;

    QbwcAudit(Sql sql) {
        this.sql = sql;
    }

    void insert(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            rows.add(new Object[] {entry.tenantId(), entry.connectionId(), clip(entry.correlationId()), clip(entry.step()),
                    clip(entry.outcome()), clip(entry.sourceId()), clip(entry.targetId()), clip(entry.message())});
        }
        sql.batch("INSERT INTO audit_log (tenant_id, connection_id, correlation_id, step, outcome, source_id, target_id, message) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private static String clip(String value) {
        return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT) + "…";
    }
}
