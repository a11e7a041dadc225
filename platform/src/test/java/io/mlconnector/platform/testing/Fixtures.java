package io.mlconnector.platform.testing;

import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Rows that tests need before the feature that normally creates them is exercised. */
@Singleton
public class Fixtures {

    private final Sql sql;
    private final TenantTransactions transactions;

    public Fixtures(Sql sql, TenantTransactions transactions, io.mlconnector.platform.plugins.PluginHost plugins) {
        this.sql = sql;
        this.transactions = transactions;
        if (plugins.connector(WebConnectorTestConnector.ID).isEmpty()) {
            plugins.register(new WebConnectorTestConnector());
        }
    }

    public UUID tenant(String name) {
        UUID id = UUID.randomUUID();
        transactions.system(() -> sql.update("INSERT INTO tenants (id, name) VALUES (?, ?)", id, name));
        return id;
    }

    public UUID connection(UUID tenantId) {
        UUID id = UUID.randomUUID();
        transactions.write(tenantId, () -> sql.update(
                "INSERT INTO connections (id, tenant_id, connector_id, name, webhook_token) VALUES (?, ?, 'test', 'Test', ?)",
                id, tenantId, "tok-" + id));
        return id;
    }
}
