package io.mlconnector.connectors.qbogocardless;

import io.mlconnector.api.oauth.AccessToken;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.gocardless.GoCardlessWebhookVerifier;
import io.mlconnector.testkit.context.InMemoryConnectorContext;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import io.mlconnector.testkit.gocardless.FakeGoCardlessEvent;
import io.mlconnector.testkit.qbo.FakeQboCompany;
import io.mlconnector.testkit.qbo.FakeQuickBooksOnline;
import io.mlconnector.testkit.qbo.QboChange;
import io.mlconnector.testkit.qbo.QboWebhookSender;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One connection between a fake QuickBooks Online company and a fake GoCardless account, with the
 * connector driven as the platform drives it: webhooks verified and turned into events, each event
 * handled, schedules run.
 */
final class QboGoCardlessWorld implements AutoCloseable {

    static final String REALM = "9130357766554433";
    static final String GC_SECRET = "gc-webhook-secret";
    static final String QBO_VERIFIER = "qbo-verifier-token";

    final FakeQuickBooksOnline qbo = FakeQuickBooksOnline.start();
    final FakeGoCardless gc = FakeGoCardless.start();
    final FakeQboCompany company = qbo.addCompany(REALM, "Lovelace Engines Ltd", "GBP", false);
    final String bank = company.addAccount("Business Current Account", "Bank");
    final String fees = company.addAccount("GoCardless fees", "Expense");
    final String clearing = company.addAccount("GoCardless clearing", "Other Current Asset");
    final String refundItem = company.addItem("Refund");
    final QboGoCardlessConnector connector = new QboGoCardlessConnector();
    final QboWebhookSender qboSender = new QboWebhookSender(QBO_VERIFIER);
    final AtomicInteger issued = new AtomicInteger(1);
    final InMemoryConnectorContext ctx;

    QboGoCardlessWorld() {
        ctx = InMemoryConnectorContext.builder()
                .spec(connector.spec())
                .credential(Keys.GC_ACCESS_TOKEN, gc.accessToken())
                .credential(Keys.GC_WEBHOOK_SECRET, GC_SECRET)
                .credential(Keys.QBO_VERIFIER_TOKEN, QBO_VERIFIER)
                .setting(Keys.BANK_ACCOUNT, bank)
                .setting(Keys.FEE_ACCOUNT, fees)
                .setting(Keys.CLEARING_ACCOUNT, clearing)
                .setting(Keys.REFUND_ITEM, refundItem)
                .baseUrl("gocardless", gc.baseUrl())
                .build();
        ctx.oauth().put(token("qbo-access-1"));
        qbo.acceptToken("qbo-access-1", REALM);
        // Each refresh rotates: a new access token the fake accepts.
        ctx.oauth().renewWith(QboGoCardlessSpec.QBO, () -> {
            String next = "qbo-access-" + issued.incrementAndGet();
            qbo.acceptToken(next, REALM);
            return token(next);
        });
        qbo.takeChanges();
    }

    AccessToken token(String value) {
        return new AccessToken(QboGoCardlessSpec.QBO, value, Instant.now().plusSeconds(3600), qbo.baseUrl(),
                Map.of(Books.REALM, REALM, Books.HOME_CURRENCY, "GBP"));
    }

    /** Delivers QuickBooks Online's pending changes as one CloudEvents webhook and handles what is kept. */
    List<InboundEvent> deliverQboChanges() {
        return deliverQbo(qboSender.cloudEventsBody(qbo.takeChanges()));
    }

    List<InboundEvent> deliverQbo(byte[] body) {
        WebhookResult result = connector.receiveWebhook(new WebhookRequest(QboGoCardlessSpec.QBO, body,
                Map.of("intuit-signature", List.of(qboSender.signature(body))), List.of(QBO_VERIFIER)), ctx);
        return handleAll(result);
    }

    /** Delivers GoCardless's new events as one signed webhook and handles them. */
    List<InboundEvent> deliverGoCardless() {
        return deliverGoCardless(gc.takeNewEvents());
    }

    List<InboundEvent> deliverGoCardless(List<FakeGoCardlessEvent> events) {
        String body = "{\"events\":[" + events.stream().map(FakeGoCardlessEvent::json).collect(Collectors.joining(","))
                + "],\"meta\":{\"webhook_id\":\"WB" + System.nanoTime() + "\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        WebhookResult result = connector.receiveWebhook(new WebhookRequest(QboGoCardlessSpec.GOCARDLESS, bytes,
                Map.of("Webhook-Signature", List.of(GoCardlessWebhookVerifier.signature(bytes, GC_SECRET))), List.of(GC_SECRET)), ctx);
        return handleAll(result);
    }

    private List<InboundEvent> handleAll(WebhookResult result) {
        if (!(result instanceof WebhookResult.Accepted accepted)) {
            throw new AssertionError("webhook refused: " + result);
        }
        accepted.events().forEach(e -> connector.handle(e, ctx));
        return accepted.events();
    }

    /** A QuickBooks customer the connector has turned into a GoCardless customer whose payer then authorised a mandate. */
    String customerWithMandate(String name, String email) {
        String customer = company.addCustomer(name, email);
        deliverQboChanges();
        String gcCustomer = ctx.ids().target(Ledger.CUSTOMER, customer).orElseThrow();
        gc.authoriseMandate(gcCustomer, name);
        gc.takeNewEvents();
        return customer;
    }

    long qboRequests() {
        return qbo.requests().size();
    }

    static List<QboChange> only(List<QboChange> changes, String entity) {
        return changes.stream().filter(c -> c.entity().equals(entity)).toList();
    }

    @Override
    public void close() {
        qbo.close();
        gc.close();
    }
}
