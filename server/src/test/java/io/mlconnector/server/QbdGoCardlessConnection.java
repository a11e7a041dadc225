package io.mlconnector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import io.mlconnector.testkit.gocardless.FakeGoCardlessEvent;
import io.mlconnector.testkit.gocardless.WebhookDelivery;
import io.mlconnector.testkit.gocardless.WebhookSender;
import io.mlconnector.testkit.qbd.QbPayment;
import io.mlconnector.testkit.qbd.QwcFile;
import io.mlconnector.testkit.qbd.RoundTrip;
import io.mlconnector.testkit.qbd.SessionOutcome;
import io.mlconnector.testkit.qbd.SessionResult;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import io.mlconnector.testkit.qbd.WebConnectorFaults;
import io.mlconnector.testkit.qbd.WebConnectorSimulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * One qbd-gocardless connection of a signed-in company, used the way its people and systems use
 * it: created and read through the JSON API, GoCardless posting signed webhooks to the
 * connection's URL, and a QuickBooks Web Connector set up from the downloaded {@code .qwc} file and
 * the password shown once, running sessions against a simulated company file.
 */
final class QbdGoCardlessConnection {

    static final String WEBHOOK_SECRET = "whsec-e2e-5b1c77";
    /** How long a step may take before the test gives up: generous, the machine is shared. */
    static final Duration LIMIT = Duration.ofSeconds(90);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<SessionOutcome> NORMAL_ENDS = Set.of(SessionOutcome.COMPLETED, SessionOutcome.NOTHING_TO_DO);

    private final Api api;
    private final String serverUrl;
    private final String[] auth;
    private final UUID id;
    private final URI webhookUrl;
    private final SimulatedCompanyFile books;
    private final QwcFile qwc;
    private final String password;
    private final WebhookSender gocardless = new WebhookSender(WEBHOOK_SECRET, WebhookSender.SANDBOX_ORIGIN);
    private final List<SessionResult> sessions = new ArrayList<>();

    private QbdGoCardlessConnection(Api api, String serverUrl, String[] auth, UUID id, URI webhookUrl, SimulatedCompanyFile books,
                                    QwcFile qwc, String password) {
        this.api = api;
        this.serverUrl = serverUrl;
        this.auth = auth;
        this.id = id;
        this.webhookUrl = webhookUrl;
        this.books = books;
        this.qwc = qwc;
        this.password = password;
    }

    /**
     * Creates the connection through the API with the fake's sandbox token, then sets up the Web
     * Connector as its user would: a new password (shown once) and the {@code .qwc} file, whose
     * user name the Web Connector takes.
     */
    static QbdGoCardlessConnection create(String serverUrl, Tenants.SignedUp owner, String name, FakeGoCardless gc,
                                          SimulatedCompanyFile books, Map<String, String> extraSettings) {
        Api api = new Api(serverUrl);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("gocardless_environment", "sandbox");
        settings.put("bank_account", CompanyFiles.BANK_ACCOUNT);
        settings.put("fee_account", CompanyFiles.FEE_ACCOUNT);
        settings.put("qbwc_run_every_minutes", "5");
        settings.putAll(extraSettings);
        Map<String, Object> body = Map.of("connectorId", "qbd-gocardless", "name", name,
                "credentials", Map.of("gocardless_access_token", gc.accessToken(), "gocardless_webhook_secret", WEBHOOK_SECRET),
                "settings", settings);
        HttpResponse<String> created = api.postJson("/api/connections", json(body), owner.auth());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode view = Tenants.read(created.body());
        UUID id = UUID.fromString(view.get("id").asText());
        URI webhookUrl = URI.create(view.at("/webhooks/0/url").asText());

        HttpResponse<String> shown = api.send(HttpRequest.newBuilder(
                URI.create(serverUrl + "/api/connections/" + id + "/web-connector-password")).POST(HttpRequest.BodyPublishers.noBody()),
                owner.auth());
        assertEquals(201, shown.statusCode(), shown.body());
        String password = Tenants.read(shown.body()).get("password").asText();
        HttpResponse<String> qwcFile = api.get("/api/connections/" + id + "/web-connector.qwc", owner.auth());
        assertEquals(200, qwcFile.statusCode(), qwcFile.body());
        QwcFile qwc = QwcFile.parse(qwcFile.body());
        assertEquals(Tenants.read(shown.body()).get("userName").asText(), qwc.userName(),
                "the .qwc names the Web Connector user the password belongs to");
        return new QbdGoCardlessConnection(api, serverUrl, owner.auth(), id, webhookUrl, books, qwc, password);
    }

    UUID id() {
        return id;
    }

    SimulatedCompanyFile books() {
        return books;
    }

    // ------------------------------------------------------------------ GoCardless

    /** GoCardless delivers these events to the connection's webhook URL, signed, at most 250 a request. */
    List<WebhookDelivery> send(List<FakeGoCardlessEvent> events) {
        return send(events, WebhookSender.Options.defaults());
    }

    List<WebhookDelivery> send(List<FakeGoCardlessEvent> events, WebhookSender.Options options) {
        List<WebhookDelivery> deliveries = gocardless.send(webhookUrl, events, options);
        for (WebhookDelivery delivery : deliveries) {
            assertTrue(delivery.accepted(), () -> "webhook refused: " + delivery.statusCode() + " " + delivery.responseBody());
        }
        return deliveries;
    }

    /** The same webhook again, byte for byte, as GoCardless retries one whose acknowledgement it missed. */
    WebhookDelivery sendAgain(WebhookDelivery earlier) {
        return gocardless.sendBody(webhookUrl, earlier.body(), earlier.signature());
    }

    // ------------------------------------------------------------------ the Web Connector

    /** One scheduled Web Connector update, start to end. */
    SessionResult runWebConnector() {
        return runWebConnector(WebConnectorFaults.none());
    }

    SessionResult runWebConnector(WebConnectorFaults faults) {
        SessionResult result = WebConnectorSimulator.fromQwc(qwc, password, books)
                .noOpDelay(Duration.ofMillis(10))
                .faults(faults)
                .build()
                .runSession();
        sessions.add(result);
        return result;
    }

    /**
     * Lets the Web Connector run, session after session while the jobs handle the events, until
     * {@code done} holds. A session that ends abnormally, or QuickBooks refusing a message, fails
     * the test at once.
     */
    void runWebConnectorUntil(String what, BooleanSupplier done) {
        Eventually.within(LIMIT, what, () -> {
            SessionResult session = runWebConnector();
            if (!NORMAL_ENDS.contains(session.outcome())) {
                fail("The Web Connector session ended " + session.outcome() + " while waiting for " + what + ":\n"
                        + session.transcript().format());
            }
            for (RoundTrip trip : session.transcript().roundTrips()) {
                if (trip.hresult() != null && !trip.hresult().isEmpty()) {
                    fail("QuickBooks refused a message (" + trip.hresult() + " " + trip.message() + "):\n" + trip.requestXml());
                }
            }
            return done.getAsBoolean();
        });
    }

    /** Every session run so far. */
    List<SessionResult> sessions() {
        return List.copyOf(sessions);
    }

    /** Requests queued for QuickBooks, as the connection's Web Connector page shows them. */
    int pendingRequests() {
        return read(api.get("/api/connections/" + id + "/web-connector", auth)).get("pendingRequests").asInt();
    }

    /** The connection as its page shows it (status, credentials saved, "needs reconnect"). */
    JsonNode view() {
        return read(api.get("/api/connections/" + id, auth));
    }

    /** Saves new credentials, as the connection's Credentials form does. */
    JsonNode saveCredentials(Map<String, String> values) {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(URI.create(serverUrl + "/api/connections/" + id + "/credentials"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(values))), auth);
        return read(response);
    }

    /** What the settings form offers: for each setting that names a QuickBooks object, the entries to pick from. */
    JsonNode settingChoices() {
        return read(api.get("/api/connections/" + id + "/setting-choices", auth));
    }

    /** Saves settings, as the connection's Settings form does; the answer as it came. */
    HttpResponse<String> saveSettings(Map<String, String> values) {
        return api.send(HttpRequest.newBuilder(URI.create(serverUrl + "/api/connections/" + id + "/settings"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(values))), auth);
    }

    /** "Test connection". */
    JsonNode check() {
        HttpResponse<String> response = api.postJson("/api/connections/" + id + "/check", "{}", auth);
        assertEquals(200, response.statusCode(), response.body());
        return Tenants.read(response.body());
    }

    // ------------------------------------------------------------------ what people see

    /** The sync record of a GoCardless object, if one exists yet. */
    Optional<JsonNode> findRecord(String sourceId) {
        JsonNode list = read(api.get("/api/sync-records?connectionId=" + id + "&q=" + encode(sourceId) + "&size=500", auth));
        for (JsonNode view : list) {
            if (sourceId.equals(view.at("/record/sourceId").asText())) {
                return Optional.of(view.get("record"));
            }
        }
        return Optional.empty();
    }

    JsonNode record(String sourceId) {
        return findRecord(sourceId).orElseThrow(() -> new AssertionError("No sync record for " + sourceId));
    }

    /** The record's status, or "" while there is none. */
    String status(String sourceId) {
        return findRecord(sourceId).map(r -> r.get("status").asText()).orElse("");
    }

    boolean isDone(String sourceId) {
        return "DONE".equals(status(sourceId));
    }

    /** The connection's records in one status, as the "needs attention" list shows them. */
    List<JsonNode> records(String status) {
        List<JsonNode> records = new ArrayList<>();
        read(api.get("/api/sync-records?connectionId=" + id + "&status=" + status + "&size=500", auth))
                .forEach(view -> records.add(view.get("record")));
        return records;
    }

    /** One record with its audit trail. */
    JsonNode recordWithTrail(String recordId) {
        return read(api.get("/api/sync-records/" + recordId, auth));
    }

    /** The audit log entries correlated with an id, oldest first. */
    List<JsonNode> audit(String correlationId) {
        JsonNode page = read(api.get("/api/audit?connectionId=" + id + "&correlationId=" + encode(correlationId) + "&size=500", auth));
        List<JsonNode> entries = new ArrayList<>();
        page.get("entries").forEach(entries::add);
        Collections.reverse(entries);
        return entries;
    }

    List<String> auditSteps(String correlationId) {
        return audit(correlationId).stream().map(e -> e.get("step").asText()).toList();
    }

    List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        read(api.get("/api/connections/" + id + "/alerts", auth)).forEach(alerts::add);
        return alerts;
    }

    /** What "needs attention" offers for a held record: its question, the entries containing {@code text}, the list's size. */
    JsonNode choices(String recordId, String text) {
        return read(api.get("/api/sync-records/" + recordId + "/choices?q=" + encode(text), auth));
    }

    /** A person answers a held record's question with the entry they picked. */
    HttpResponse<String> answer(String recordId, String targetId) {
        return api.postJson("/api/sync-records/" + recordId + "/resolve", json(Map.of("targetId", targetId)), auth);
    }

    // ------------------------------------------------------------------ the books

    /** The QuickBooks payment that carries a GoCardless payment; exactly one must. */
    QbPayment paymentCarrying(String goCardlessPaymentId) {
        List<QbPayment> carrying = paymentsCarrying(goCardlessPaymentId);
        assertEquals(1, carrying.size(), "QuickBooks payments carrying " + goCardlessPaymentId);
        return carrying.get(0);
    }

    List<QbPayment> paymentsCarrying(String goCardlessPaymentId) {
        return books.payments().stream()
                .filter(p -> goCardlessPaymentId.equals(p.refNumber()) || (p.memo() != null && p.memo().contains(goCardlessPaymentId)))
                .toList();
    }

    // ------------------------------------------------------------------ plumbing

    private static JsonNode read(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> response.uri() + " answered " + response.statusCode() + ": " + response.body());
        return Tenants.read(response.body());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
