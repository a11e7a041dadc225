package io.mlconnector.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.api.context.Choice;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.audit.AuditQuery;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.sync.PickListStore;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Fixtures;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.platform.vault.CredentialVault;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenant A, signed in, can neither see nor touch anything of tenant B. */
@MicronautTest(transactional = false)
class TenantIsolationTest {

    private static final List<String> TENANT_TABLES = List.of("users", "invitations", "connections", "credentials", "audit_log",
            "pick_list_entries");

    @Inject
    EmbeddedServer server;
    @Inject
    TenantTransactions transactions;
    @Inject
    Sql sql;
    @Inject
    AuditLog audit;
    @Inject
    CredentialVault vault;
    @Inject
    Fixtures fixtures;
    @Inject
    PickListStore pickLists;

    Api api;
    Tenants.SignedUp a;
    Tenants.SignedUp b;
    long bAuditEntry;

    @BeforeEach
    void twoTenantsWithData() {
        api = new Api(server.getURL().toString());
        Tenants tenants = new Tenants(api);
        a = tenants.signUp("Tenant A");
        b = tenants.signUp("Tenant B");
        UUID bConnection = fixtures.connection(b.tenantId());
        vault.put(b.tenantId(), bConnection, "access_token", "b-secret-value-123456");
        transactions.write(b.tenantId(), () -> pickLists.put(b.tenantId(), bConnection, "customers",
                List.of(new Choice("80000001-1", "B's customer", "b@example.com"))));
        audit.append(AuditEntry.of(b.tenantId(), "payment.received", "ok").connection(bConnection).correlation("EV-B"));
        bAuditEntry = audit.query(b.tenantId(), AuditQuery.all()).entries().get(0).id();
        api.postJson("/api/invitations", "{\"email\": \"invitee-%s@example.com\"}".formatted(b.ownerId()), b.auth());
    }

    @Test
    void everyEndpointThatTakesAnIdAnswers404ForAnotherTenantsObject() {
        assertEquals(200, api.get("/api/people/" + b.ownerId(), b.auth()).statusCode(), "B sees its own person");
        assertEquals(404, api.get("/api/people/" + b.ownerId(), a.auth()).statusCode());
        assertEquals(200, api.get("/api/audit/" + bAuditEntry, b.auth()).statusCode(), "B sees its own entry");
        assertEquals(404, api.get("/api/audit/" + bAuditEntry, a.auth()).statusCode());
    }

    @Test
    void listsAndFiltersOnlyEverShowTheSignedInTenant() {
        String people = api.get("/api/people", a.auth()).body();
        assertTrue(people.contains(a.email()));
        assertTrue(!people.contains(b.email()));
        String auditOfA = api.get("/api/audit?correlationId=EV-B", a.auth()).body();
        assertEquals(0, Tenants.read(auditOfA).get("entries").size());
    }

    @Test
    void aRawQueryInsideTenantATransactionSeesNoneOfTenantBRows() {
        for (String table : TENANT_TABLES) {
            long foreign = transactions.read(a.tenantId(), () -> sql.one(
                    "SELECT count(*) FROM " + table + " WHERE tenant_id = ?", row -> row.getLong(1), b.tenantId()).orElseThrow());
            long all = transactions.read(a.tenantId(), () -> sql.one(
                    "SELECT count(*) FROM " + table + " WHERE tenant_id <> ?", row -> row.getLong(1), a.tenantId()).orElseThrow());
            assertEquals(0, foreign, table + ": rows of B visible to A");
            assertEquals(0, all, table + ": rows of other tenants visible to A");
        }
        long tenantsSeen = transactions.read(a.tenantId(), () -> sql.one("SELECT count(*) FROM tenants", row -> row.getLong(1)).orElseThrow());
        assertEquals(1, tenantsSeen);
        long bRowsSeenByB = transactions.read(b.tenantId(), () -> sql.one(
                "SELECT count(*) FROM credentials", row -> row.getLong(1)).orElseThrow());
        assertEquals(1, bRowsSeenByB, "the same query in B's transaction does see B's rows");
    }

    @Test
    void tenantAcannotWriteRowsForTenantBNorChangeThem() {
        assertThrows(RuntimeException.class, () -> transactions.write(a.tenantId(), () -> sql.update(
                "INSERT INTO audit_log (tenant_id, step, outcome) VALUES (?, 'forged', 'ok')", b.tenantId())));
        int changed = transactions.write(a.tenantId(), () -> sql.update(
                "UPDATE users SET display_name = 'hijacked' WHERE tenant_id = ?", b.tenantId()));
        assertEquals(0, changed);
    }
}
