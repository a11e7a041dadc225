package io.mlconnector.platform.qbwc;

import static io.mlconnector.platform.qbwc.QuickBooksFixtures.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Fixtures;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.testkit.qbd.QbdFixture;
import io.mlconnector.testkit.qbd.QwcFile;
import io.mlconnector.testkit.qbd.SessionOutcome;
import io.mlconnector.testkit.qbd.SessionResult;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The .qwc file and Web Connector password a signed-in person gets for a connection, used as a Web Connector user would. */
@MicronautTest(transactional = false)
@Property(name = RecordingResponseHandler.ENABLED, value = "true")
class QwcDownloadTest {

    private static final Pattern GUID = Pattern.compile("\\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}}");

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    TenantTransactions transactions;
    @Inject
    QuickBooksQueue queue;

    private Api api;
    private Tenants.SignedUp owner;

    @BeforeEach
    void setUp() {
        api = new Api(server.getURL().toString());
        owner = new Tenants(api).signUp("Acme");
    }

    private UUID connection(UUID tenantId, String name, String settingsJson) {
        UUID id = fixtures.connection(tenantId);
        transactions.write(tenantId, () -> sql.update("UPDATE connections SET name = ?, settings = ?::jsonb WHERE id = ?",
                name, settingsJson, id));
        return id;
    }

    private HttpResponse<String> download(Tenants.SignedUp who, UUID connectionId) {
        return api.get("/api/connections/" + connectionId + "/web-connector.qwc", who.auth());
    }

    @Test
    void theQwcFileCarriesEveryElementTheWebConnectorExpects() {
        UUID id = connection(owner.tenantId(), "Acme Ltd (UK) — GoCardless", "{\"qbwc_run_every_minutes\": \"5\"}");

        HttpResponse<String> response = download(owner, id);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/x-qwc", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"ml-connector-acme-ltd-uk-gocardless.qwc\"",
                response.headers().firstValue("Content-Disposition").orElseThrow());
        Element root = Dom.parse(response.body());
        assertEquals("QBWCXML", root.getLocalName());
        assertEquals(List.of("AppName", "AppID", "AppURL", "AppDescription", "AppSupport", "UserName", "OwnerID", "FileID", "QBType",
                "Style", "Scheduler", "IsReadOnly"), Dom.children(root).stream().map(Element::getLocalName).toList());
        assertEquals(server.getURL() + "/qbwc", Dom.text(root, "AppURL"));
        assertTrue(Dom.text(root, "AppName").contains("Acme Ltd (UK)"));
        assertTrue(Dom.text(root, "UserName").matches("mlc-[0-9a-f]{12}"), Dom.text(root, "UserName"));
        assertTrue(GUID.matcher(Dom.text(root, "OwnerID")).matches());
        assertTrue(GUID.matcher(Dom.text(root, "FileID")).matches());
        assertEquals("QBFS", Dom.text(root, "QBType"));
        assertEquals("Document", Dom.text(root, "Style"));
        assertEquals("5", Dom.text(root, "Scheduler/RunEveryNMinutes"));
        assertEquals("false", Dom.text(root, "IsReadOnly"));
        assertTrue(Dom.text(root, "AppSupport").startsWith(server.getURL().toString()));
        // The testkit reads it the way the Web Connector does.
        QwcFile parsed = QwcFile.parse(response.body());
        assertEquals(Dom.text(root, "UserName"), parsed.userName());
    }

    @Test
    void identifiersStayTheSameForAConnectionAndDifferBetweenConnections() {
        UUID first = connection(owner.tenantId(), "Shop", "{}");
        UUID second = connection(owner.tenantId(), "Shop", "{}");

        Element a = Dom.parse(download(owner, first).body());
        Element again = Dom.parse(download(owner, first).body());
        Element b = Dom.parse(download(owner, second).body());

        for (String element : List.of("AppName", "UserName", "OwnerID", "FileID")) {
            assertEquals(Dom.text(a, element), Dom.text(again, element), element);
            assertNotEquals(Dom.text(a, element), Dom.text(b, element), element);
        }
    }

    @Test
    void theScheduleIsAtLeastOneMinuteAndFifteenByDefault() {
        UUID zero = connection(owner.tenantId(), "Zero", "{\"qbwc_run_every_minutes\": \"0\"}");
        UUID none = connection(owner.tenantId(), "None", "{}");
        UUID garbage = connection(owner.tenantId(), "Garbage", "{\"qbwc_run_every_minutes\": \"soon\"}");

        assertEquals("1", Dom.text(Dom.parse(download(owner, zero).body()), "Scheduler/RunEveryNMinutes"));
        assertEquals("15", Dom.text(Dom.parse(download(owner, none).body()), "Scheduler/RunEveryNMinutes"));
        assertEquals("15", Dom.text(Dom.parse(download(owner, garbage).body()), "Scheduler/RunEveryNMinutes"));
    }

    @Test
    void anotherTenantsConnectionIsNotFound() {
        UUID id = connection(owner.tenantId(), "Acme", "{}");
        Tenants.SignedUp stranger = new Tenants(api).signUp("Stranger");

        assertEquals(404, download(stranger, id).statusCode());
        assertEquals(404, api.postJson("/api/connections/" + id + "/web-connector-password", "", stranger.auth()).statusCode());
        assertEquals(404, api.get("/api/connections/" + id + "/web-connector", stranger.auth()).statusCode());
        assertEquals(404, download(owner, UUID.randomUUID()).statusCode());
        assertEquals(401, api.get("/api/connections/" + id + "/web-connector.qwc").statusCode());
    }

    @Test
    void aWebConnectorUserSignsInWithTheDownloadedFileAndTheShownPasswordAndReceivesTheQueuedWork() throws Exception {
        UUID id = connection(owner.tenantId(), "Books", "{}");
        Path qwc = Files.createTempFile("ml-connector", ".qwc");
        Files.writeString(qwc, download(owner, id).body());
        HttpResponse<String> shown = api.postJson("/api/connections/" + id + "/web-connector-password", "", owner.auth());
        assertEquals(201, shown.statusCode(), shown.body());
        JsonNode body = Tenants.read(shown.body());
        String password = body.get("password").asText();
        assertTrue(password.length() >= 20);
        assertEquals(QwcFile.read(qwc).userName(), body.get("userName").asText());
        queue.enqueue(owner.tenantId(), id, QuickBooksRequest.of(payment("Jane Doe", "10.00", "PM1"), "payment.add", "PM1"));
        QbdFixture quickBooks = QbdFixture.create();
        quickBooks.companyFile().addCustomer("Jane Doe");

        SessionResult session = quickBooks.webConnector(qwc, password).build().runSession();

        assertEquals(SessionOutcome.COMPLETED, session.outcome(), session.transcript().format());
        assertEquals(1, quickBooks.companyFile().payments().size());
        JsonNode status = Tenants.read(api.get("/api/connections/" + id + "/web-connector", owner.auth()).body());
        assertTrue(status.get("passwordSet").asBoolean());
        assertNotNull(status.get("lastPolledAt").asText(null));
        assertEquals("13.0", status.get("qbxmlVersion").asText());
        assertEquals(0, status.get("pendingRequests").asInt());
    }

    @Test
    void aNewPasswordReplacesTheOldOneAndIsNeverShownAgain() throws Exception {
        UUID id = connection(owner.tenantId(), "Books", "{}");
        Path qwc = Files.createTempFile("ml-connector", ".qwc");
        Files.writeString(qwc, download(owner, id).body());
        String oldPassword = Tenants.read(api.postJson("/api/connections/" + id + "/web-connector-password", "", owner.auth()).body())
                .get("password").asText();
        String newPassword = Tenants.read(api.postJson("/api/connections/" + id + "/web-connector-password", "", owner.auth()).body())
                .get("password").asText();
        QbdFixture quickBooks = QbdFixture.create();

        assertNotEquals(oldPassword, newPassword);
        assertEquals(SessionOutcome.INVALID_USER, quickBooks.webConnector(qwc, oldPassword).build().runSession().outcome());
        assertEquals(SessionOutcome.NOTHING_TO_DO, quickBooks.webConnector(qwc, newPassword).build().runSession().outcome());
        String status = api.get("/api/connections/" + id + "/web-connector", owner.auth()).body();
        assertTrue(!status.contains(newPassword) && !status.contains("password_hash") && !status.contains("argon"), status);
        String stored = transactions.read(owner.tenantId(), () -> sql.one(
                "SELECT password_hash FROM web_connector_accounts WHERE connection_id = ?", row -> row.getString(1), id).orElseThrow());
        assertTrue(stored.startsWith("$argon2id$"), stored);
    }
}
