package io.mlconnector.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.testing.Fixtures;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AuditLogTest {

    @Inject
    AuditLog audit;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    TenantTransactions transactions;

    @Test
    void entriesAreFoundByConnectionCorrelationIdAndTimeNewestFirst() {
        UUID tenant = fixtures.tenant("Audit Co");
        UUID connection = fixtures.connection(tenant);
        UUID otherConnection = fixtures.connection(tenant);
        Instant before = Instant.now().minusSeconds(1);
        audit.append(AuditEntry.of(tenant, "webhook.received", "stored").connection(connection).correlation("EV123"));
        audit.append(AuditEntry.of(tenant, "qbd.request.sent", "queued").connection(connection).correlation("EV123")
                .ids("PM123", null));
        audit.append(AuditEntry.of(tenant, "qbd.response", "ok").connection(connection).correlation("EV123").ids("PM123", "1A2B-1234"));
        audit.append(AuditEntry.of(tenant, "webhook.received", "stored").connection(otherConnection).correlation("EV999"));

        AuditPage trail = audit.query(tenant, new AuditQuery(null, "EV123", null, null, 0, 50));
        assertEquals(3, trail.entries().size());
        assertEquals("qbd.response", trail.entries().get(0).step());
        assertEquals("1A2B-1234", trail.entries().get(0).targetId());

        assertEquals(1, audit.query(tenant, new AuditQuery(otherConnection, null, null, null, 0, 50)).entries().size());
        assertEquals(4, audit.query(tenant, new AuditQuery(null, null, before, Instant.now().plusSeconds(1), 0, 50)).entries().size());
        assertEquals(0, audit.query(tenant, new AuditQuery(null, null, Instant.now().plusSeconds(60), null, 0, 50)).entries().size());
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        UUID tenant = fixtures.tenant("Paging Co");
        for (int i = 0; i < 7; i++) {
            audit.append(AuditEntry.of(tenant, "step-" + i, "ok"));
        }
        AuditPage first = audit.query(tenant, new AuditQuery(null, null, null, null, 0, 3));
        AuditPage second = audit.query(tenant, new AuditQuery(null, null, null, null, 1, 3));
        AuditPage third = audit.query(tenant, new AuditQuery(null, null, null, null, 2, 3));
        assertTrue(first.hasMore());
        assertTrue(second.hasMore());
        assertFalse(third.hasMore());
        assertEquals(1, third.entries().size());
        assertEquals("step-6", first.entries().get(0).step());
        assertEquals("step-0", third.entries().get(0).step());
    }

    @Test
    void theDatabaseItselfRefusesToChangeOrDeleteEntriesEvenForThePlatformRole() {
        UUID tenant = fixtures.tenant("Tamper Co");
        audit.append(AuditEntry.of(tenant, "payment.posted", "ok").ids("PM1", "TXN1"));

        assertThrows(RuntimeException.class, () -> transactions.system(() ->
                sql.update("UPDATE audit_log SET outcome = 'rewritten' WHERE tenant_id = ?", tenant)));
        assertThrows(RuntimeException.class, () -> transactions.system(() ->
                sql.update("DELETE FROM audit_log WHERE tenant_id = ?", tenant)));
        assertThrows(RuntimeException.class, () -> transactions.system(() -> sql.update("TRUNCATE audit_log")));
        assertThrows(RuntimeException.class, () -> transactions.write(tenant, () ->
                sql.update("DELETE FROM audit_log WHERE tenant_id = ?", tenant)));

        assertEquals("ok", audit.query(tenant, AuditQuery.all()).entries().get(0).outcome());
    }
}
