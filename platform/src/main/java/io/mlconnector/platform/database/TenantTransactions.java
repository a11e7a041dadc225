package io.mlconnector.platform.database;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs work inside one transaction that belongs to one tenant. The transaction drops to the
 * {@code ml_tenant} role and sets {@code app.tenant_id}, so PostgreSQL's row-level security admits
 * only that tenant's rows whatever the queries inside do. Both settings end with the transaction.
 */
@Singleton
public class TenantTransactions {

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

    /** Work of the platform itself across tenants (routing, sign-in look-ups, schedulers). */
    public <T> T system(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    private static void enterTenant(Connection connection, UUID tenantId) {
        if (tenantId == null) {
            throw new IllegalStateException("No tenant for a tenant transaction");
        }
        try (Statement role = connection.createStatement()) {
            role.execute("SET LOCAL ROLE ml_tenant");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enter the tenant role", e);
        }
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            set.setString(1, tenantId.toString());
            set.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the tenant", e);
        }
    }
}
