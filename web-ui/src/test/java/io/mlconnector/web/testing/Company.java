package io.mlconnector.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlconnector.platform.testing.TestConnector;
import io.mlconnector.testkit.qbd.QwcFile;
import io.mlconnector.testkit.qbd.SessionResult;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import io.mlconnector.testkit.qbd.WebConnectorSimulator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A company signed up through the pages, with one stand-in connection created through the pages. */
public final class Company {

    public static final String API_KEY = "tk_abcdefgh1234";
    public static final String SIGNING_SECRET = "whsec_test_secret_9876";

    private final WebSession session;
    private final UUID connectionId;
    private final String webhookUrl;
    private final String signingSecret;

    private Company(WebSession session, UUID connectionId, String webhookUrl, String signingSecret) {
        this.signingSecret = signingSecret;
        this.session = session;
        this.connectionId = connectionId;
        this.webhookUrl = webhookUrl;
    }

    public static Company signUp(String base, String name) {
        return signUp(base, name, API_KEY);
    }

    /** A company whose connection holds its own Test Pay API key (e.g. one a test revokes). */
    public static Company signUp(String base, String name, String apiKey) {
        return signUp(base, name, apiKey, SIGNING_SECRET, WebSession.PASSWORD);
    }

    /** A company with its own API key, webhook signing secret and owner's password (e.g. recognisable canaries). */
    public static Company signUp(String base, String name, String apiKey, String signingSecret, String password) {
        WebSession session = WebSession.signUp(base, name, password);
        session.get("/app/connections/new?connector=" + DesktopPairConnector.ID);
        HttpResponse<String> created = session.post("/app/connections", Map.of("connectorId", DesktopPairConnector.ID,
                "name", name + " books", "api_key", apiKey, TestConnector.SECRET_FIELD, signingSecret,
                "bank_account", "Barclays Current"));
        assertEquals(303, created.statusCode(), created.body());
        String location = WebSession.location(created);
        UUID id = UUID.fromString(WebSession.find(location, "/app/connections/([0-9a-f-]{36})"));
        String page = session.get("/app/connections/" + id).body();
        String url = WebSession.find(page, "class=\"webhook-url\"[^>]*value=\"([^\"]+)\"");
        return new Company(session, id, url, signingSecret);
    }

    public WebSession session() {
        return session;
    }

    public UUID connectionId() {
        return connectionId;
    }

    public String connectionPath() {
        return "/app/connections/" + connectionId;
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    /**
     * Sets up the Web Connector as a person does (password created on the connection page, .qwc file
     * downloaded) and lets it call once, as it does on the customer's computer.
     */
    public SessionResult webConnectorCalls() {
        session.get(connectionPath());
        HttpResponse<String> created = session.post(connectionPath() + "/web-connector-password", Map.of());
        assertEquals(200, created.statusCode(), created.body());
        String password = WebSession.find(created.body(), "id=\"password-value\"[^>]*value=\"([A-Za-z0-9]{16,})\"");
        QwcFile qwc = QwcFile.parse(session.get(connectionPath() + "/web-connector.qwc").body());
        return WebConnectorSimulator.fromQwc(qwc, password, SimulatedCompanyFile.create()).noOpDelay(Duration.ofMillis(10)).build()
                .runSession();
    }

    /** Sends a signed webhook from the stand-in payments system, e.g. events("E1", "ok", "P1"). */
    public HttpResponse<String> sendEvents(String... idTypeObject) {
        String body = TestConnector.body(idTypeObject);
        return session.send(HttpRequest.newBuilder(URI.create(webhookUrl))
                .header("Content-Type", "application/json")
                .header("X-Test-Signature", TestConnector.sign(body.getBytes(), signingSecret))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
