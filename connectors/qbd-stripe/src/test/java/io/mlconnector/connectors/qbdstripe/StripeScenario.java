package io.mlconnector.connectors.qbdstripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.api.Connector;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.testkit.context.InMemoryConnectorContext;
import io.mlconnector.testkit.context.QuickBooksSession;
import io.mlconnector.testkit.qbd.QbPayment;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import io.mlconnector.testkit.stripe.FakeStripe;
import io.mlconnector.testkit.stripe.StripeEventSender;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * One connection under test, without the platform: the connector, a fake Stripe on loopback, a
 * simulated US company file and an in-memory context. Webhooks are signed as Stripe signs them and
 * received as the platform does (each event id stored once, then handled); Web Connector sessions
 * run the queued requests against the company file.
 */
final class StripeScenario implements AutoCloseable {

    static final String WEBHOOK_SECRET = "whsec_test_2b7c";

    final FakeStripe stripe = FakeStripe.start();
    final SimulatedCompanyFile books = SimulatedCompanyFile.builder().companyName("Acme Inc").build();
    final Connector connector;
    final InMemoryConnectorContext ctx;
    final Map<String, InboundEvent> inbox = new LinkedHashMap<>();

    StripeScenario(Map<String, String> settings) {
        this(settings, new QbdStripeConnector());
    }

    StripeScenario(Map<String, String> settings, Connector connector) {
        this.connector = connector;
        books.addAccount("Stripe Fees", "Expense");
        books.addAccount("Stripe Clearing", "OtherCurrentAsset");
        books.addPaymentMethod("Stripe", "Other");
        books.addServiceItem("Stripe Refund", "Services");
        InMemoryConnectorContext.Builder b = InMemoryConnectorContext.builder()
                .clock(books.clock())
                .spec(connector.spec())
                .credential(Keys.API_KEY, stripe.testSecretKey())
                .credential(Keys.WEBHOOK_SECRET, WEBHOOK_SECRET)
                .baseUrl("stripe", stripe.apiBase())
                .setting(Keys.BANK_ACCOUNT, "Checking")
                .setting(Keys.FEE_ACCOUNT, "Stripe Fees");
        settings.forEach(b::setting);
        this.ctx = b.build();
    }

    static StripeScenario usd() {
        return new StripeScenario(Map.of());
    }

    /** A customer in both systems with the same e-mail; returns the Stripe customer id. */
    String customer(String name, String email) {
        books.addCustomer(name, email);
        return stripe.customer(name, email);
    }

    /** Signs and receives the events Stripe recorded since the last call, then handles the new ones. */
    List<WebhookResult> deliverNewEvents() {
        return deliver(stripe.takeNewEvents(), false, false);
    }

    /** Each event twice, newest first, as after lost acknowledgements and retries. */
    List<WebhookResult> deliverNewEventsTwiceOutOfOrder() {
        return deliver(stripe.takeNewEvents(), true, true);
    }

    private List<WebhookResult> deliver(List<ObjectNode> events, boolean twice, boolean reversed) {
        List<ObjectNode> order = new ArrayList<>(events);
        if (reversed) {
            Collections.reverse(order);
        }
        List<WebhookResult> results = new ArrayList<>();
        for (ObjectNode event : order) {
            for (int i = 0; i < (twice ? 2 : 1); i++) {
                WebhookResult result = receive(event);
                results.add(result);
                assertInstanceOf(WebhookResult.Accepted.class, result, () -> "webhook refused: " + result);
                for (InboundEvent e : ((WebhookResult.Accepted) result).events()) {
                    if (inbox.putIfAbsent(e.id(), e) == null) {
                        connector.handle(e, ctx);
                    }
                }
            }
        }
        return results;
    }

    WebhookResult receive(ObjectNode event) {
        StripeEventSender sender = new StripeEventSender(ctx.clock(), WEBHOOK_SECRET);
        byte[] body = sender.body(event);
        return receive(body, sender.signatureHeader(body, ctx.clock().instant().getEpochSecond()));
    }

    WebhookResult receive(byte[] body, String signature) {
        return connector.receiveWebhook(new WebhookRequest("stripe", body,
                Map.of("Stripe-Signature", List.of(signature), "Content-Type", List.of("application/json")),
                ctx.credentials().all(Keys.WEBHOOK_SECRET)), ctx);
    }

    /** Handles every stored event again, as replays would. */
    void replayAll() {
        for (InboundEvent event : new ArrayList<>(inbox.values())) {
            connector.handle(event, ctx);
        }
    }

    QuickBooksSession poll() {
        QuickBooksSession session = ctx.quickBooks().runSession(books::process, connector, ctx);
        assertEquals(List.of(), session.refusals(), "QuickBooks refused a request document");
        return session;
    }

    QbPayment paymentFor(String key) {
        List<QbPayment> matching = books.payments().stream()
                .filter(p -> p.memo() != null && p.memo().contains(key)).toList();
        assertEquals(1, matching.size(), "QuickBooks payments carrying " + key);
        return matching.get(0);
    }

    @Override
    public void close() {
        stripe.close();
    }
}
