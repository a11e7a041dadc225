package io.mlconnector.platform.sync;

import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.ops.NotFound;
import jakarta.inject.Singleton;
import java.util.UUID;

/** What people do with a connection's alerts. */
@Singleton
public class AlertActions {

    private final TenantTransactions transactions;
    private final AlertStore alerts;
    private final AuditLog audit;

    public AlertActions(TenantTransactions transactions, AlertStore alerts, AuditLog audit) {
        this.transactions = transactions;
        this.alerts = alerts;
        this.audit = audit;
    }

    /** Closes an open alert; another tenant's alert, or one already closed, is not found. */
    public void acknowledge(UUID tenantId, UUID connectionId, UUID alertId) {
        transactions.write(tenantId, () -> {
            if (!alerts.acknowledge(connectionId, alertId)) {
                throw new NotFound("Alert");
            }
            audit.insert(AuditEntry.of(tenantId, "alert.acknowledged", "ok").connection(connectionId)
                    .correlation(alertId.toString()).message("Dismissed by a person"));
        });
    }
}
