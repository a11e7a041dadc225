package io.mlconnector.connectors.qbdzuora;

import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.zuora.ClientCredentialsTokens;
import io.mlconnector.systems.zuora.connector.ZuoraFields;
import io.mlconnector.testkit.context.InMemoryConnectorContext;
import io.mlconnector.testkit.qbd.QbCustomer;
import io.mlconnector.testkit.qbd.QbInvoice;
import io.mlconnector.testkit.qbd.QbPayment;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import io.mlconnector.testkit.zuora.FakeZuora;
import io.mlconnector.testkit.zuora.FakeZuoraCallout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One connection without the platform: the connector, a fake Zuora, a simulated company file, an in-memory context. */
class ZuoraIntoQuickBooksTest {

    static final String HMAC_KEY = "hmac-key-7f2c1d";

    private final QbdZuoraConnector connector = new QbdZuoraConnector();
    private FakeZuora zuora;
    private SimulatedCompanyFile books;
    private InMemoryConnectorContext ctx;
    /** The platform's inbox: each event id stored once. */
    private final Map<String, InboundEvent> inbox = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        ClientCredentialsTokens.forgetAll();
        zuora = FakeZuora.start();
        books = SimulatedCompanyFile.builder().companyName("Acme Inc").build();
        books.addServiceItem("Subscriptions", "Services");
        books.addServiceItem("Setup", "Services");
        ctx = InMemoryConnectorContext.builder().clock(books.clock()).spec(connector.spec())
                .credential(ZuoraFields.CLIENT_ID, zuora.clientId())
                .credential(ZuoraFields.CLIENT_SECRET, zuora.clientSecret())
                .credential(ZuoraFields.HMAC_KEY, HMAC_KEY)
                .baseUrl(ZuoraFields.SYSTEM, zuora.baseUrl())
                .setting(Keys.DEFAULT_ITEM, "Subscriptions")
                .setting(Keys.CHARGE_ITEMS, "One-time setup = Setup")
                .build();
    }

    @AfterEach
    void stop() {
        zuora.close();
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HMAC_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((body + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private WebhookResult callout(String body, String signature) {
        return connector.receiveWebhook(new WebhookRequest(ZuoraFields.SYSTEM, body.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Zuora-Signature", List.of(signature), "Content-Type", List.of("application/json")), List.of()), ctx);
    }

    /** Receives callouts as the platform would, and handles each new event; a RetryLater waits for the next round. */
    private void deliver(List<FakeZuoraCallout> callouts) throws Exception {
        for (FakeZuoraCallout c : callouts) {
            WebhookResult result = callout(c.body(), sign(c.body()));
            assertInstanceOf(WebhookResult.Accepted.class, result);
            for (InboundEvent event : ((WebhookResult.Accepted) result).events()) {
                if (inbox.putIfAbsent(event.id(), event) == null) {
                    handle(event);
                }
            }
        }
    }

    private final List<InboundEvent> retry = new ArrayList<>();

    private void handle(InboundEvent event) {
        try {
            connector.handle(event, ctx);
        } catch (RetryLater later) {
            retry.add(event);
        }
    }

    private void retryWaiting() {
        List<InboundEvent> again = new ArrayList<>(retry);
        retry.clear();
        again.forEach(this::handle);
    }

    private void webConnector() {
        ctx.quickBooks().runSession(books::process, connector, ctx);
    }

    private String accountFor(QbCustomer customer) {
        return ctx.ids().target(Keys.CUSTOMER_ACCOUNT, customer.listId()).orElseThrow();
    }

    @Test
    void aQuickBooksCustomerBecomesAZuoraAccountWithTheLinkWrittenBothWays() {
        QbCustomer ada = books.addCustomer("Ada Lovelace Ltd", "ada@example.com");
        connector.runSchedule(Keys.SCHEDULE_CUSTOMERS, ctx);
        webConnector();   // the customer read; the account is created and its number queued for the customer
        webConnector();   // the account number written back

        String accountId = accountFor(ada);
        var account = zuora.account(accountId).orElseThrow();
        assertEquals("Ada Lovelace Ltd", account.path("name").asText());
        assertEquals(ada.listId(), account.path("crmId").asText());
        assertEquals("USD", account.path("currency").asText());
        assertEquals("ada@example.com", account.path("billTo").path("workEmail").asText());
        assertEquals(account.path("accountNumber").asText(), books.customer(ada.listId()).orElseThrow().accountNumber());

        connector.runSchedule(Keys.SCHEDULE_CUSTOMERS, ctx);
        webConnector();
        assertEquals(1, zuora.accounts().size(), "a second read makes no second account");
    }

    @Test
    void invoicesAndPaymentsPostOnceHoweverOftenAndInWhateverOrderCalloutsCome() throws Exception {
        QbCustomer bo = books.addCustomer("Bo Industries", "bo@example.com");
        connector.runSchedule(Keys.SCHEDULE_CUSTOMERS, ctx);
        webConnector();
        String account = accountFor(bo);
        zuora.takeCallouts();

        String invoice = zuora.postInvoice(account, LocalDate.of(2026, 12, 1),
                List.of(FakeZuora.Line.of("Pro plan", 4900), FakeZuora.Line.of("One-time setup", 10000)));
        String payment = zuora.processPayment(account, LocalDate.of(2026, 12, 3), Map.of(invoice, 14900L));
        List<FakeZuoraCallout> callouts = new ArrayList<>(zuora.takeCallouts());
        List<FakeZuoraCallout> repeated = new ArrayList<>(callouts);
        repeated.addAll(callouts);
        repeated.addAll(callouts);
        Collections.shuffle(repeated, new Random(7));
        Collections.reverse(repeated.subList(0, 2));
        deliver(repeated);
        for (int round = 0; round < 4; round++) {
            webConnector();
            retryWaiting();
        }

        List<QbInvoice> invoices = books.invoices();
        assertEquals(1, invoices.size());
        QbInvoice qbInvoice = invoices.get(0);
        String number = zuora.invoice(invoice).orElseThrow().path("invoiceNumber").asText();
        assertEquals(number, qbInvoice.refNumber());
        assertEquals(bo.listId(), qbInvoice.customerListId());
        assertEquals("149.00", qbInvoice.subtotal());
        assertEquals(List.of("Subscriptions", "Setup"), qbInvoice.lines().stream().map(l -> l.itemFullName()).toList());

        List<QbPayment> payments = books.payments();
        assertEquals(1, payments.size());
        assertEquals(zuora.payment(payment).orElseThrow().path("paymentNumber").asText(), payments.get(0).refNumber());
        assertEquals(qbInvoice.txnId(), payments.get(0).appliedTo().get(0).txnId());
        assertTrue(books.invoice(qbInvoice.txnId()).orElseThrow().paid());
        assertEquals(SyncStatus.DONE, ctx.syncRecords().find(Keys.RECORD_PAYMENT, payment).orElseThrow().status());

        // Replaying everything again posts nothing new.
        for (InboundEvent event : inbox.values()) {
            handle(event);
        }
        webConnector();
        assertEquals(1, books.invoices().size());
        assertEquals(1, books.payments().size());
    }

    @Test
    void aCalloutWithAWrongSignatureIsRefusedAndStoresNothing() throws Exception {
        String body = "{\"object\":\"payment\",\"id\":\"8a8082c45f6a1bf2\"}";
        WebhookResult refused = callout(body, "bm90LWEtc2lnbmF0dXJl");
        assertEquals(401, ((WebhookResult.Rejected) refused).status());
        assertEquals(401, ((WebhookResult.Rejected) callout(body.replace("payment", "invoice"), sign(body))).status());
        assertInstanceOf(WebhookResult.Accepted.class, callout(body, sign(body)));
    }

    @Test
    void aTokenThatLapsesMidRunIsRenewedAndTheWorkGoesOn() throws Exception {
        QbCustomer cy = books.addCustomer("Cy Partners", "cy@example.com");
        connector.runSchedule(Keys.SCHEDULE_CUSTOMERS, ctx);
        webConnector();
        String account = accountFor(cy);
        zuora.takeCallouts();
        String invoice = zuora.postInvoice(account, LocalDate.of(2026, 12, 1), List.of(FakeZuora.Line.of("Pro plan", 4900)));
        zuora.expireTokens();
        deliver(zuora.takeCallouts());
        webConnector();
        assertEquals(1, books.invoices().size());
        assertTrue(zuora.tokensIssued() >= 2);
        assertEquals(SyncStatus.DONE, ctx.syncRecords().find(Keys.RECORD_INVOICE, invoice).orElseThrow().status());
    }

    @Test
    void aCancelledPaymentIsTakenOutOfTheBooksAndARefundWaitsForAPerson() throws Exception {
        QbCustomer di = books.addCustomer("Di Studio", "di@example.com");
        connector.runSchedule(Keys.SCHEDULE_CUSTOMERS, ctx);
        webConnector();
        String account = accountFor(di);
        zuora.takeCallouts();
        String invoice = zuora.postInvoice(account, LocalDate.of(2026, 12, 1), List.of(FakeZuora.Line.of("Pro plan", 4900)));
        deliver(zuora.takeCallouts());
        webConnector();
        String payment = zuora.processPayment(account, LocalDate.of(2026, 12, 2), Map.of(invoice, 4900L));
        deliver(zuora.takeCallouts());
        webConnector();
        assertEquals(1, books.payments().size());

        String refund = zuora.refundPayment(payment, 1000, LocalDate.of(2026, 12, 5));
        deliver(zuora.takeCallouts());
        assertEquals(SyncStatus.NEEDS_ATTENTION, ctx.syncRecords().find(Keys.RECORD_REFUND, refund).orElseThrow().status());
        assertEquals(1, ctx.alerts().raised().size());

        zuora.cancelPayment(payment);
        deliver(zuora.takeCallouts());
        webConnector();
        assertEquals(0, books.payments().size(), "the QuickBooks payment is deleted");
        assertTrue(!books.invoices().get(0).paid());
    }

    @Test
    void thePollFindsWhatCalloutsMissed() {
        QbCustomer ed = books.addCustomer("Ed Goods", "ed@example.com");
        connector.runSchedule(Keys.SCHEDULE_CUSTOMERS, ctx);
        webConnector();
        String account = accountFor(ed);
        String invoice = zuora.postInvoice(account, LocalDate.of(2026, 12, 1), List.of(FakeZuora.Line.of("Pro plan", 2500)));
        zuora.processPayment(account, LocalDate.of(2026, 12, 2), Map.of(invoice, 2500L));
        zuora.takeCallouts();   // lost
        ctx.cursors().set("zuora.invoices.updated_after", zuora.now().minusSeconds(3600).toString());
        ctx.cursors().set("zuora.payments.updated_after", zuora.now().minusSeconds(3600).toString());
        try {
            connector.runSchedule(Keys.SCHEDULE_POLL, ctx);
        } catch (RetryLater waitsForInvoice) {
            // the payment's invoice is not in QuickBooks yet
        }
        webConnector();
        connector.runSchedule(Keys.SCHEDULE_POLL, ctx);
        webConnector();
        assertEquals(1, books.invoices().size());
        assertEquals(1, books.payments().size());
    }
}
