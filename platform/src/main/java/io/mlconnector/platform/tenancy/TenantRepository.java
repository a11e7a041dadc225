package io.mlconnector.platform.tenancy;

import io.mlconnector.platform.database.Sql;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class TenantRepository {

    private final Sql sql;

    public TenantRepository(Sql sql) {
        this.sql = sql;
    }

    /** Creating a tenant is platform work: no tenant exists yet to scope it to. */
    public Tenant insert(String name) {
        return sql.one("INSERT INTO tenants (id, name) VALUES (?, ?) RETURNING id, name, created_at",
                row -> new Tenant(row.getObject("id", UUID.class), row.getString("name"), Sql.instant(row, "created_at")),
                UUID.randomUUID(), name).orElseThrow();
    }

    public Optional<Tenant> current() {
        return sql.one("SELECT id, name, created_at FROM tenants WHERE id = current_tenant()",
                row -> new Tenant(row.getObject("id", UUID.class), row.getString("name"), Sql.instant(row, "created_at")));
    }
}
