package io.mlconnector.platform.database;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import io.micronaut.transaction.TransactionDefinition;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs work inside one transaction that belongs to one tenant. The transaction drops to the
 * {@code ml_tenant} role and sets {@code app.tenant_id}, so PostgreSQL's row-level security admits
 * only that tenant's rows whatever the queries inside do. Both settings end with the transaction.
 */
@Singleton
public class TenantTransactions {

    private static final TransactionDefinition SYSTEM = TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);

    private final TransactionOperations<Connection> transactions;

    public TenantTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public <T> T write(UUID tenantId, Supplier<T> work) {
        return transactions.executeWrite(status -> {
            enterTenant(status.getConnection(), tenantId);
            return work.get();
        });
    }

    public void write(UUID tenantId, Runnable work) {
        write(tenantId, () -> {
            work.run();
            return null;
        });
    }

    public <T> T read(UUID tenantId, Supplier<T> work) {
        return transactions.executeRead(status -> {
            enterTenant(status.getConnection(), tenantId);
            return work.get();
        });
    }

    /**
     * Work of the platform itself across tenants (routing, sign-in look-ups, schedulers). Always a
     * transaction of its own, so it never inherits a tenant's role from a caller's transaction.
     */
    public <T> T system(Supplier<T> work) {
        return transactions.execute(SYSTEM, status -> work.get());
    }

    private static void enterTenant(Connection connection, UUID tenantId) {
        if (tenantId == null) {
            throw new IllegalStateException("No tenant for a tenant transaction");
        }
        // One round trip: read the tenant already set (a joined outer transaction), drop to the
        // tenant role and set the tenant, all local to this transaction.
        String previous;
        try (PreparedStatement enter = connection.prepareStatement(
                "SELECT current_setting('app.tenant_id', true), set_config('role', 'ml_tenant', true), set_config('app.tenant_id', ?, true)")) {
            enter.setString(1, tenantId.toString());
            try (ResultSet result = enter.executeQuery()) {
                result.next();
                previous = result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enter the tenant's transaction", e);
        }
        if (previous != null && !previous.isEmpty() && !previous.equals(tenantId.toString())) {
            throw new IllegalStateException("A transaction of one tenant cannot be joined by work for another tenant");
        }
    }
}
