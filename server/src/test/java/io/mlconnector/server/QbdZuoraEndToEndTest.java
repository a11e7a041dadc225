package io.mlconnector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.testkit.qbd.QbCustomer;
import io.mlconnector.testkit.qbd.QbInvoice;
import io.mlconnector.testkit.qbd.QbPayment;
import io.mlconnector.testkit.qbd.QwcFile;
import io.mlconnector.testkit.qbd.SessionOutcome;
import io.mlconnector.testkit.qbd.SessionResult;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import io.mlconnector.testkit.qbd.WebConnectorSimulator;
import io.mlconnector.testkit.zuora.FakeZuora;
import io.mlconnector.testkit.zuora.FakeZuoraCallout;
import io.mlconnector.testkit.zuora.ZuoraCalloutSender;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * QuickBooks Desktop ↔ Zuora through the whole server: the bundled plugin, the API, the callout
 * endpoint, the jobs and the Web Connector endpoint, with a fake Zuora and a simulated company file.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QbdZuoraEndToEndTest implements TestPropertyProvider {

    static final String HMAC_KEY = "callout-hmac-key-e2e-91c3";
    static final Duration LIMIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<SessionOutcome> NORMAL_ENDS = Set.of(SessionOutcome.COMPLETED, SessionOutcome.NOTHING_TO_DO);

    private final FakeZuora zuora = FakeZuora.start();
    private final ZuoraCalloutSender signed = new ZuoraCalloutSender(ZuoraCalloutSender.Auth.hmac("X-Zuora-Signature", HMAC_KEY));

    @Inject
    EmbeddedServer server;

    private Tenants.SignedUp company;
    private Api api;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("ml.systems.zuora.base-url", zuora.baseUrl());
    }

    @BeforeAll
    void signUp() {
        api = new Api(server.getURL().toString());
        company = new Tenants(api).signUp("Acme Subscriptions Inc");
    }

    @AfterAll
    void stop() {
        zuora.close();
    }

    @Test
    void aCustomerBecomesAnAccountItsInvoiceAndPaymentReachQuickBooksOnceAndARefundWaitsForAPerson() {
        SimulatedCompanyFile books = SimulatedCompanyFile.builder().companyName("Acme Subscriptions Inc").build();
        books.addServiceItem("Subscriptions", "Services");
        QbCustomer ada = books.addCustomer("Ada Analytics", "ada@example.com");
        Connection c = connect(books);

        // The first session reads the customers (a new connection's schedules are due at once); the account is made.
        c.runWebConnectorUntil("Ada's Zuora account number in QuickBooks", () ->
                books.customer(ada.listId()).orElseThrow().accountNumber() != null);
        assertEquals(1, zuora.accounts().size());
        JsonNode account = zuora.accounts().get(0);
        assertEquals(ada.listId(), account.path("crmId").asText(), "the ListID is kept on the Zuora account");
        assertEquals(account.path("accountNumber").asText(), books.customer(ada.listId()).orElseThrow().accountNumber());
        zuora.takeCallouts();

        String invoice = zuora.postInvoice(account.path("id").asText(), LocalDate.of(2026, 12, 1),
                List.of(FakeZuora.Line.of("Pro plan", 4900)));
        String payment = zuora.processPayment(account.path("id").asText(), LocalDate.of(2026, 12, 2), Map.of(invoice, 4900L));
        List<FakeZuoraCallout> callouts = zuora.takeCallouts();

        // A wrong signature is refused and stores nothing.
        int refused = new ZuoraCalloutSender(ZuoraCalloutSender.Auth.hmac("X-Zuora-Signature", "not-the-key"))
                .send(c.webhookUrl, callouts.get(0));
        assertEquals(401, refused);

        // The token lapses while the work runs: the connector takes a new one.
        zuora.expireTokens();
        // Repeated and out of order: payment first, everything three times.
        List<Integer> statuses = signed.sendRepeatedOutOfOrder(c.webhookUrl, List.of(callouts.get(1), callouts.get(0)), 3, 11);
        assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());

        c.runWebConnectorUntil("the invoice and payment in QuickBooks", () -> c.isDone(invoice) && c.isDone(payment));
        assertEquals(1, books.invoices().size());
        QbInvoice qbInvoice = books.invoices().get(0);
        assertEquals(zuora.invoice(invoice).orElseThrow().path("invoiceNumber").asText(), qbInvoice.refNumber());
        assertEquals(ada.listId(), qbInvoice.customerListId());
        List<QbPayment> payments = books.payments();
        assertEquals(1, payments.size());
        assertEquals(qbInvoice.txnId(), payments.get(0).appliedTo().get(0).txnId());
        assertTrue(zuora.tokensIssued() >= 2, "a second token after the first lapsed");

        String refund = zuora.refundPayment(payment, 1500, LocalDate.of(2026, 12, 4));
        assertEquals(200, signed.send(c.webhookUrl, zuora.takeCallouts().get(0)));
        Eventually.within(LIMIT, "the refund held for a person", () -> "NEEDS_ATTENTION".equals(c.status(refund)));
        assertFalse(c.alerts().isEmpty());

        // Nothing more reaches QuickBooks however often the same callouts come again.
        signed.sendRepeatedOutOfOrder(c.webhookUrl, callouts, 2, 5);
        c.runWebConnector();
        c.runWebConnector();
        assertEquals(1, books.invoices().size());
        assertEquals(1, books.payments().size());
    }

    // ------------------------------------------------------------------ the connection

    private Connection connect(SimulatedCompanyFile books) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("default_item", "Subscriptions");
        settings.put("callout_auth", "hmac");
        settings.put("qbwc_run_every_minutes", "5");
        Map<String, Object> body = Map.of("connectorId", "qbd-zuora", "name", "Zuora " + UUID.randomUUID().toString().substring(0, 6),
                "credentials", Map.of("zuora_client_id", zuora.clientId(), "zuora_client_secret", zuora.clientSecret(),
                        "zuora_callout_hmac_key", HMAC_KEY),
                "settings", settings);
        HttpResponse<String> created = api.postJson("/api/connections", json(body), company.auth());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode view = Tenants.read(created.body());
        UUID id = UUID.fromString(view.get("id").asText());
        URI webhookUrl = URI.create(view.at("/webhooks/0/url").asText());
        HttpResponse<String> shown = api.send(HttpRequest.newBuilder(
                URI.create(server.getURL() + "/api/connections/" + id + "/web-connector-password")).POST(HttpRequest.BodyPublishers.noBody()),
                company.auth());
        assertEquals(201, shown.statusCode(), shown.body());
        String password = Tenants.read(shown.body()).get("password").asText();
        QwcFile qwc = QwcFile.parse(api.get("/api/connections/" + id + "/web-connector.qwc", company.auth()).body());
        return new Connection(id, webhookUrl.toString(), books, qwc, password);
    }

    private final class Connection {
        final UUID id;
        final String webhookUrl;
        final SimulatedCompanyFile books;
        final QwcFile qwc;
        final String password;

        Connection(UUID id, String webhookUrl, SimulatedCompanyFile books, QwcFile qwc, String password) {
            this.id = id;
            this.webhookUrl = webhookUrl;
            this.books = books;
            this.qwc = qwc;
            this.password = password;
        }

        SessionResult runWebConnector() {
            return WebConnectorSimulator.fromQwc(qwc, password, books).noOpDelay(Duration.ofMillis(10)).build().runSession();
        }

        void runWebConnectorUntil(String what, BooleanSupplier done) {
            Eventually.within(LIMIT, what, () -> {
                SessionResult session = runWebConnector();
                if (!NORMAL_ENDS.contains(session.outcome())) {
                    fail("The Web Connector session ended " + session.outcome() + " while waiting for " + what + ":\n"
                            + session.transcript().format());
                }
                return done.getAsBoolean();
            });
        }

        Optional<JsonNode> record(String sourceId) {
            JsonNode list = Tenants.read(api.get("/api/sync-records?connectionId=" + id + "&q="
                    + URLEncoder.encode(sourceId, StandardCharsets.UTF_8) + "&size=500", company.auth()).body());
            for (JsonNode view : list) {
                if (sourceId.equals(view.at("/record/sourceId").asText())) {
                    return Optional.of(view.get("record"));
                }
            }
            return Optional.empty();
        }

        String status(String sourceId) {
            return record(sourceId).map(r -> r.get("status").asText()).orElse("");
        }

        boolean isDone(String sourceId) {
            return "DONE".equals(status(sourceId));
        }

        List<JsonNode> alerts() {
            List<JsonNode> alerts = new ArrayList<>();
            Tenants.read(api.get("/api/connections/" + id + "/alerts", company.auth()).body()).forEach(alerts::add);
            return alerts;
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
