package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.Connector;
import io.mlconnector.systems.qbd.CustomerModBuilder;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.QbXml;
import io.mlconnector.systems.qbd.xml.OnError;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.testkit.context.InMemoryConnectorContext;
import io.mlconnector.testkit.context.QbXmlEndpoint;
import io.mlconnector.testkit.context.QuickBooksSession;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import io.mlconnector.testkit.gocardless.FakeGoCardlessEvent;
import io.mlconnector.testkit.gocardless.WebhookSender;
import io.mlconnector.testkit.qbd.QbCustomer;
import io.mlconnector.testkit.qbd.QbPayment;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One connection under test, without the platform: the connector, a fake GoCardless on loopback, a
 * simulated company file, and an in-memory context. Webhooks are signed and received the way the
 * platform does it (the inbox stores each event id once, then hands events to {@code handle}); Web
 * Connector sessions run the queued requests against the company file.
 */
final class Scenario implements AutoCloseable {

    static final String WEBHOOK_SECRET = "whsec-test-3f9a";

    final FakeGoCardless gc = FakeGoCardless.start();
    final SimulatedCompanyFile books;
    final Connector connector;
    final InMemoryConnectorContext ctx;
    /** The platform's inbox: every event id stored once, in arrival order. */
    final Map<String, InboundEvent> inbox = new LinkedHashMap<>();

    private Scenario(SimulatedCompanyFile books, Map<String, String> settings, Connector connector) {
        this.books = books;
        this.connector = connector;
        books.addAccount("GoCardless Fees", "Expense");
        books.addAccount("GoCardless Clearing", "OtherCurrentAsset");
        books.addPaymentMethod("GoCardless", "Other");
        books.addServiceItem("GoCardless Refund", "Services");
        InMemoryConnectorContext.Builder b = InMemoryConnectorContext.builder()
                .clock(books.clock())
                .spec(connector.spec())
                .credential(Keys.ACCESS_TOKEN, gc.accessToken())
                .credential(Keys.WEBHOOK_SECRET, WEBHOOK_SECRET)
                .baseUrl("gocardless", gc.baseUrl())
                .setting(Keys.BANK_ACCOUNT, "Checking")
                .setting(Keys.FEE_ACCOUNT, "GoCardless Fees");
        settings.forEach(b::setting);
        this.ctx = b.build();
        // Polled events reach the connector through the inbox, stored once with the webhook ones.
        ctx.inbox().handledBy(event -> handleNew(List.of(event)));
    }

    /** A UK company keeping its books in GBP. */
    static Scenario gbp() {
        return gbp(Map.of());
    }

    static Scenario gbp(Map<String, String> settings) {
        return gbp(settings, new QbdGoCardlessConnector());
    }

    /** With a connector from elsewhere, e.g. loaded from the packaged plugin. */
    static Scenario gbp(Map<String, String> settings, Connector connector) {
        return new Scenario(SimulatedCompanyFile.builder().country("UK").companyName("Acme UK Ltd").build(), settings,
                connector);
    }

    /** A company file set up by the test (e.g. with its own clock), otherwise as {@link #gbp()}. */
    static Scenario of(SimulatedCompanyFile books) {
        return new Scenario(books, Map.of(), new QbdGoCardlessConnector());
    }

    /** An Irish company keeping its books in EUR. */
    static Scenario eur() {
        return new Scenario(SimulatedCompanyFile.builder().country("UK").currency("EUR")
                .companyName("Acme Ireland Ltd").build(), Map.of(), new QbdGoCardlessConnector());
    }

    // ---------------------------------------------------------------- set-up helpers

    /** A customer in both systems, with the same e-mail, and an active mandate in GoCardless. */
    CustomerWithMandate customer(String name, String email) {
        books.addCustomer(name, email);
        String[] parts = name.split(" ", 2);
        return gc.createCustomerWithActiveMandate(CustomerDetails.person(parts[0], parts[1], email));
    }

    QbCustomer qbCustomer(String name) {
        return books.customerByName(name).orElseThrow();
    }

    /** Someone changes a customer in QuickBooks (a CustomerMod, as QuickBooks' own screens would save it). */
    QbCustomer editCustomer(String fullName, UnaryOperator<CustomerModBuilder> change) {
        QbCustomer before = qbCustomer(fullName);
        String fragment = QbXml.toFragment(change.apply(QbRequests.customerMod("edit", before.listId(),
                before.editSequence())).build());
        String answer;
        try {
            answer = books.process(QbXml.requestDocument("13.0", OnError.STOP_ON_ERROR, List.of(fragment)));
        } catch (Exception e) {
            throw new AssertionError("QuickBooks refused the edit of " + fullName, e);
        }
        assertTrue(answer.contains("statusCode=\"0\""), answer);
        return books.customer(before.listId()).orElseThrow();
    }

    // ---------------------------------------------------------------- webhooks

    /** Signs and receives the events GoCardless recorded since the last call, then handles the new ones. */
    WebhookResult deliverNewEvents() {
        return deliver(gc.takeNewEvents());
    }

    WebhookResult deliver(List<FakeGoCardlessEvent> events) {
        WebhookResult result = receive(WebhookSender.body(events, "WB000000TEST"), null);
        Accepted accepted = accepted(result);
        handleNew(accepted.events());
        return result;
    }

    /** Receives a body exactly as given, signed with the endpoint secret unless a signature is given. */
    WebhookResult receive(String body, String signature) {
        String sig = signature != null ? signature : WebhookSender.sign(body, WEBHOOK_SECRET);
        WebhookRequest request = new WebhookRequest("gocardless", body.getBytes(StandardCharsets.UTF_8),
                Map.of("Webhook-Signature", List.of(sig), "Content-Type", List.of("application/json")),
                ctx.credentials().all(Keys.WEBHOOK_SECRET));
        return connector.receiveWebhook(request, ctx);
    }

    private void handleNew(List<InboundEvent> events) {
        for (InboundEvent event : events) {
            if (inbox.putIfAbsent(event.id(), event) == null) {
                connector.handle(event, ctx);
            }
        }
    }

    /** Handles every stored event again, as a person pressing "replay" on each would. */
    void replayAll() {
        for (InboundEvent event : new ArrayList<>(inbox.values())) {
            connector.handle(event, ctx);
        }
    }

    /** Replays the stored events about one GoCardless object. */
    void replay(String objectId) {
        for (InboundEvent event : new ArrayList<>(inbox.values())) {
            if (objectId.equals(event.objectId())) {
                connector.handle(event, ctx);
            }
        }
    }

    // ---------------------------------------------------------------- QuickBooks

    /** One Web Connector session; QuickBooks must not refuse any message. */
    QuickBooksSession poll() {
        return poll(books::process);
    }

    /** One Web Connector session with QuickBooks behind {@code quickBooks} (e.g. the company file, watched). */
    QuickBooksSession poll(QbXmlEndpoint quickBooks) {
        QuickBooksSession session = ctx.quickBooks().runSession(quickBooks, connector, ctx);
        assertEquals(List.of(), session.refusals(), "QuickBooks refused a request document");
        return session;
    }

    List<QbPayment> payments() {
        return books.payments();
    }

    QbPayment paymentFor(String gcPaymentId) {
        List<QbPayment> matching = books.payments().stream()
                .filter(p -> p.memo() != null && p.memo().contains(gcPaymentId)).toList();
        assertEquals(1, matching.size(), "QuickBooks payments carrying " + gcPaymentId);
        return matching.get(0);
    }

    private static Accepted accepted(WebhookResult result) {
        assertInstanceOf(WebhookResult.Accepted.class, result, () -> "webhook refused: " + result);
        WebhookResult.Accepted a = (WebhookResult.Accepted) result;
        assertTrue(a.status() >= 200 && a.status() < 300);
        return new Accepted(a.events());
    }

    private record Accepted(List<InboundEvent> events) {
    }

    @Override
    public void close() {
        gc.close();
    }
}
