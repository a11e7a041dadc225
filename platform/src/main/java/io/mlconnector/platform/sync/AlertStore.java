package io.mlconnector.platform.sync;

import io.micronaut.serde.annotation.Serdeable;
import io.mlconnector.platform.database.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Alerts raised by connectors, shown on the connection until someone acknowledges them. */
@Singleton
public class AlertStore {

    @Serdeable
    public record Alert(UUID id, UUID connectionId, String subject, String detail, String correlation, Instant raisedAt) {
    }

    private final Sql sql;

    public AlertStore(Sql sql) {
        this.sql = sql;
    }

    public void raise(UUID tenantId, UUID connectionId, String subject, String detail, String correlation) {
        sql.update("INSERT INTO alerts (id, tenant_id, connection_id, subject, detail, correlation) VALUES (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), tenantId, connectionId, subject, detail, correlation);
    }

    public List<Alert> open(UUID connectionId) {
        return sql.list("SELECT id, connection_id, subject, detail, correlation, raised_at FROM alerts "
                        + "WHERE connection_id = ? AND tenant_id = current_tenant() AND acknowledged_at IS NULL ORDER BY raised_at DESC LIMIT 100",
                row -> new Alert(row.getObject("id", UUID.class), row.getObject("connection_id", UUID.class), row.getString("subject"),
                        row.getString("detail"), row.getString("correlation"), Sql.instant(row, "raised_at")), connectionId);
    }

    /** Closes a connection's open alerts about one thing, e.g. once the problem they reported is gone. */
    public int acknowledgeAll(UUID connectionId, String correlation) {
        return sql.update("UPDATE alerts SET acknowledged_at = now() WHERE connection_id = ? AND correlation = ? "
                + "AND tenant_id = current_tenant() AND acknowledged_at IS NULL", connectionId, correlation);
    }

    /** Closes one open alert of the connection; false when there is no such open alert. */
    public boolean acknowledge(UUID connectionId, UUID alertId) {
        return sql.update("UPDATE alerts SET acknowledged_at = now() WHERE id = ? AND connection_id = ? AND tenant_id = current_tenant() "
                + "AND acknowledged_at IS NULL", alertId, connectionId) == 1;
    }

    public boolean acknowledge(UUID alertId) {
        return sql.update("UPDATE alerts SET acknowledged_at = now() WHERE id = ? AND tenant_id = current_tenant() AND acknowledged_at IS NULL",
                alertId) == 1;
    }
}
