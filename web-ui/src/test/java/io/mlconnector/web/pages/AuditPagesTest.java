package io.mlconnector.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.connections.ConnectionRepository;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.web.testing.Company;
import io.mlconnector.web.testing.DesktopPairConnector;
import io.mlconnector.web.testing.WebSession;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AuditPagesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    PluginHost plugins;

    @Inject
    AuditLog audit;

    @Inject
    ConnectionRepository connections;

    @Inject
    TenantTransactions transactions;

    String base;

    @BeforeEach
    void setUp() {
        base = server.getURL().toString();
        if (plugins.connector(DesktopPairConnector.ID).isEmpty()) {
            plugins.register(new DesktopPairConnector());
        }
    }

    @Test
    void theAuditLogIsPagedNewestFirstAndFilteredByObject() {
        Company acme = Company.signUp(base, "Audit Ltd");
        UUID tenant = tenantOf(acme);
        for (int i = 0; i < 60; i++) {
            audit.append(AuditEntry.of(tenant, "payment.posted", "ok").connection(acme.connectionId())
                    .correlation("PAY-" + i).ids("PAY-" + i, "TXN-" + i).message("Payment " + i + " posted"));
        }
        WebSession owner = acme.session();

        String first = owner.get("/app/audit").body();
        String second = owner.get("/app/audit?page=1").body();
        String one = owner.get("/app/audit?object=PAY-7").body();

        assertTrue(first.contains("Payment 59 posted") && !first.contains("Payment 9 posted"), "page one holds the newest");
        assertTrue(first.contains("rel=\"next\""));
        assertTrue(second.contains("Payment 9 posted"));
        assertTrue(one.contains("Payment 7 posted") && !one.contains("Payment 8 posted"));
        assertTrue(one.contains("TXN-7"));
    }

    @Test
    void theCsvExportHasEveryFilteredEntryEscapedAndDefused() {
        Company acme = Company.signUp(base, "Export Ltd");
        UUID tenant = tenantOf(acme);
        audit.append(AuditEntry.of(tenant, "payment.posted", "ok").connection(acme.connectionId()).correlation("PM-CSV")
                .ids("PM-CSV", "TXN-1").message("Paid by \"Smith, Jones & Co\"\nsecond line"));
        audit.append(AuditEntry.of(tenant, "customer.unmatched", "ok").connection(acme.connectionId()).correlation("PM-CSV")
                .message("=HYPERLINK(\"http://evil.example\")"));
        audit.append(AuditEntry.of(tenant, "payment.posted", "ok").connection(acme.connectionId()).correlation("OTHER"));

        HttpResponse<String> csv = acme.session().get("/app/audit.csv?object=PM-CSV");

        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"audit-log-"));
        String body = csv.body();
        assertTrue(body.startsWith("\uFEFFTime (UTC),Connection,Step,Outcome,Object,Source id,Target id,Message\r\n"), body);
        assertTrue(body.contains(",\"Paid by \"\"Smith, Jones & Co\"\"\nsecond line\"\r\n"), body);
        assertTrue(body.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\"\r\n"), body);
        assertTrue(body.contains("Export Ltd books,payment.posted,ok,PM-CSV,PM-CSV,TXN-1,"));
        assertFalse(body.contains("OTHER"), "only the filtered entries");
        assertEquals(3, body.split("\r\n").length, "header and two entries");
    }

    @Test
    void anotherCompanysEntriesAreNeitherShownNorExported() {
        Company acme = Company.signUp(base, "Private Ltd");
        Company rival = Company.signUp(base, "Nosy Ltd");
        audit.append(AuditEntry.of(tenantOf(acme), "payment.posted", "ok").connection(acme.connectionId()).correlation("SECRET-PAY"));

        assertTrue(rival.session().get("/app/audit?object=SECRET-PAY").body().contains("No entries match these filters."));
        assertFalse(rival.session().get("/app/audit.csv?connection=" + acme.connectionId()).body().contains("SECRET-PAY"));
        assertFalse(rival.session().get("/app/audit.csv").body().contains("SECRET-PAY"));
    }

    private UUID tenantOf(Company company) {
        return transactions.system(() -> connections.findAnyTenant(company.connectionId())).orElseThrow().tenantId();
    }
}
