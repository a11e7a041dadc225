package io.mlconnector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.testkit.qbd.QbDeposit;
import io.mlconnector.testkit.qbd.QbPayment;
import io.mlconnector.testkit.qbd.QwcFile;
import io.mlconnector.testkit.qbd.SessionOutcome;
import io.mlconnector.testkit.qbd.SessionResult;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import io.mlconnector.testkit.qbd.WebConnectorSimulator;
import io.mlconnector.testkit.stripe.FakeStripe;
import io.mlconnector.testkit.stripe.StripeEventSender;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * QuickBooks Desktop ↔ Stripe through the server as shipped: the plugin from {@code plugins/}, the
 * JSON API, PostgreSQL, signed Stripe webhooks to the connection's URL, and the Web Connector
 * simulator over {@code /qbwc} against a simulated company file. The server reads Stripe's address
 * from {@code ml.systems.stripe.base-url}, where the fake listens.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QbdStripeEndToEndTest implements TestPropertyProvider {

    private static final String SECRET = "whsec_e2e_9d41";
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeStripe stripe = FakeStripe.start();

    @Inject
    EmbeddedServer server;

    private Api api;
    private Tenants.SignedUp company;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("ml.systems.stripe.base-url", stripe.apiBase());
    }

    @BeforeAll
    void signUp() {
        api = new Api(server.getURL().toString());
        company = new Tenants(api).signUp("Acme Cards Inc");
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    /** A connection created through the API, and its Web Connector set up from the .qwc file. */
    private record Connection(String id, URI webhookUrl, WebConnectorSimulator webConnector, SimulatedCompanyFile books) {
    }

    private Connection connect(String name) throws Exception {
        SimulatedCompanyFile books = SimulatedCompanyFile.builder().companyName(name).build();
        books.addAccount("Stripe Fees", "Expense");
        books.addAccount("Stripe Clearing", "OtherCurrentAsset");
        books.addPaymentMethod("Stripe", "Other");
        books.addServiceItem("Stripe Refund", "Services");
        String body = JSON.writeValueAsString(Map.of("connectorId", "qbd-stripe", "name", name,
                "credentials", Map.of("stripe_api_key", stripe.testSecretKey(), "stripe_webhook_secret", SECRET),
                "settings", Map.of("bank_account", "Checking", "fee_account", "Stripe Fees",
                        "qbwc_run_every_minutes", "5")));
        HttpResponse<String> created = api.postJson("/api/connections", body, company.auth());
        assertEquals(201, created.statusCode(), created.body());
        String id = Tenants.read(created.body()).get("id").asText();
        URI url = URI.create(Tenants.read(created.body()).at("/webhooks/0/url").asText());
        HttpResponse<String> shown = api.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/connections/"
                + id + "/web-connector-password")).POST(HttpRequest.BodyPublishers.noBody()), company.auth());
        assertEquals(201, shown.statusCode(), shown.body());
        String password = Tenants.read(shown.body()).get("password").asText();
        QwcFile qwc = QwcFile.parse(api.get("/api/connections/" + id + "/web-connector.qwc", company.auth()).body());
        return new Connection(id, url, WebConnectorSimulator.fromQwc(qwc, password, books)
                .noOpDelay(Duration.ofMillis(10)).build(), books);
    }

    private void deliver(Connection c, List<ObjectNode> events, StripeEventSender.Options options) {
        for (StripeEventSender.Delivery d : new StripeEventSender(SECRET).send(c.webhookUrl().toString(), events, options)) {
            assertTrue(d.accepted(), () -> "webhook refused: " + d.status() + " " + d.response());
        }
    }

    private void runWebConnectorUntil(Connection c, String what, java.util.function.BooleanSupplier done) {
        Eventually.within(LIMIT, what, () -> {
            SessionResult session = c.webConnector().runSession();
            if (!Set.of(SessionOutcome.COMPLETED, SessionOutcome.NOTHING_TO_DO).contains(session.outcome())) {
                fail("The Web Connector session ended " + session.outcome() + ":\n" + session.transcript().format());
            }
            return done.getAsBoolean();
        });
    }

    @Test
    void paymentsDeliveredTwiceAndOutOfOrderArePostedOnceAndThePayoutIsDepositedAtItsAmount() throws Exception {
        Connection c = connect("Acme Cards Inc");
        c.books().addCustomer("Ada Lovelace", "ada@example.com");
        c.books().addOpenInvoice("Ada Lovelace", "1001", "120.00");
        c.books().addCustomer("Alan Turing", "alan@example.com");
        c.books().addOpenInvoice("Alan Turing", "2001", "80.00");
        String ada = stripe.customer("Ada Lovelace", "ada@example.com");
        String alan = stripe.customer("Alan Turing", "alan@example.com");
        stripe.takeNewEvents();
        String one = stripe.succeedPayment(ada, 12_000, "usd", Map.of());
        String two = stripe.succeedPayment(alan, 8_000, "usd", Map.of());
        String po = stripe.payout("usd");

        deliver(c, stripe.takeNewEvents(), StripeEventSender.Options.defaults().duplicated().outOfOrder());
        runWebConnectorUntil(c, "the payout deposited", () -> c.books().deposits().size() == 1);

        List<QbPayment> payments = c.books().payments();
        assertEquals(2, payments.size(), "each payment once, announced by four deliveries");
        assertTrue(payments.stream().anyMatch(p -> p.memo().contains(one) && p.totalAmount().equals("120.00")));
        assertTrue(payments.stream().anyMatch(p -> p.memo().contains(two) && p.totalAmount().equals("80.00")));
        QbDeposit deposit = c.books().deposits().get(0);
        long payout = stripe.object(po).get("amount").asLong();
        assertEquals(java.math.BigDecimal.valueOf(payout, 2).toPlainString(), deposit.total());
        assertTrue(deposit.lines().stream().anyMatch(l -> "Stripe Fees".equals(l.accountFullName())
                && l.amount().equals("-6.40")), deposit.lines().toString());
        String records = api.get("/api/sync-records?connectionId=" + c.id(), company.auth()).body();
        assertTrue(records.contains(one) && records.contains(po), records);
    }

    @Test
    void aForgedOrStaleWebhookIsRefusedWith400() throws Exception {
        Connection c = connect("Acme Forged Inc");
        stripe.customer("Eve", "eve@example.com");
        List<ObjectNode> events = stripe.takeNewEvents();
        for (StripeEventSender.Options o : List.of(StripeEventSender.Options.defaults().wrongSignature(),
                StripeEventSender.Options.defaults().signedAgo(Duration.ofMinutes(6)))) {
            for (StripeEventSender.Delivery d : new StripeEventSender(SECRET).send(c.webhookUrl().toString(), events, o)) {
                assertEquals(400, d.status(), d.response());
            }
        }
    }
}
