package io.mlconnector.connectors.freshbooksgocardless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.oauth.Connected;
import io.mlconnector.testkit.freshbooks.FakeDelivery;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FreshBooksGoCardlessConnectorTest {

    private final Harness h = new Harness();
    private final LocalDate due = LocalDate.now().plusDays(20);

    @AfterEach
    void stop() {
        h.close();
    }

    private String payerWithMandate(String email) {
        CustomerWithMandate c = h.gocardless.createCustomerWithActiveMandate(CustomerDetails.person("Ada", "Lovelace", email));
        return c.mandateId();
    }

    private String collectingPaymentOf(String invoiceId) {
        return h.ctx.ids().target(Keys.INVOICE_PAYMENT, invoiceId).orElseThrow();
    }

    @Test
    void connectingRegistersTheCallbacksAndCompletesTheirVerification() {
        Connected connected = h.connect();
        assertEquals(h.freshbooks.accountId(), connected.values().get(Keys.ACCOUNT_ID));
        assertEquals(Callbacks.EVENTS.size(), h.freshbooks.callbacks().size());
        assertTrue(h.freshbooks.callbacks().stream().noneMatch(c -> c.path("verified").asBoolean()));

        h.deliverFreshBooks();
        h.handleAll();

        assertTrue(h.freshbooks.callbacks().stream().allMatch(c -> c.path("verified").asBoolean()));
        assertEquals(Callbacks.EVENTS.size(), h.ctx.credentials().all(Keys.VERIFIERS).size());
        assertTrue(h.ctx.credentials().get(Keys.pendingVerifier(h.freshbooks.callbacks().get(0).path("callbackid").asText())).isEmpty());
        assertEquals(Callbacks.EVENTS.size(), h.ctx.pickLists().search(Keys.CALLBACKS, "verified", 10).size());
        assertTrue(h.connector.check(h.ctx).sides().get(0).message().contains("5 of 5 verified"));
    }

    @Test
    void aSentInvoiceBecomesOneGoCardlessPaymentOnTheDueDateHoweverOftenFreshBooksSaysSo() {
        h.connected();
        String mandate = payerWithMandate("ada@example.com");
        String client = h.freshbooks.createClient("ada@example.com", "Analytical Engines", "GBP");
        String invoice = h.freshbooks.createDraftInvoice(client, "120.50", "GBP", due);
        h.deliverFreshBooks();
        h.handleAll();
        assertTrue(h.ctx.ids().target(Keys.INVOICE_PAYMENT, invoice).isEmpty(), "a draft is not collected");

        h.freshbooks.sendInvoice(invoice);
        List<FakeDelivery> deliveries = new ArrayList<>(h.freshbooks.takeDeliveries());
        deliveries.addAll(List.copyOf(deliveries));
        Collections.shuffle(deliveries, new Random(7));
        deliveries.forEach(h.freshbooks::deliver);
        h.handleAll();
        h.connector.handle(new io.mlconnector.api.webhook.InboundEvent(Keys.FRESHBOOKS, "again", "invoice.update", invoice,
                null, "{}"), h.ctx);

        String pm = collectingPaymentOf(invoice);
        ObjectNode payment = h.gocardless.payment(pm);
        assertEquals(12050, payment.path("amount").asLong());
        assertEquals("GBP", payment.path("currency").asText());
        assertEquals(due.toString(), payment.path("charge_date").asText());
        assertEquals(mandate, payment.path("links").path("mandate").asText());
        assertEquals(invoice, payment.path("metadata").path("freshbooks_invoice_id").asText());
        assertEquals(1, h.gocardless.countRequests("POST", "/payments"));
        assertEquals(SyncStatus.DONE, h.ctx.syncRecords().find(Keys.INVOICE, invoice).orElseThrow().status());
    }

    @Test
    void aKnownPayerWithoutAMandateGetsAnAuthorisationLinkAndIsCollectedOnceTheyUseIt() {
        h.connected();
        String customer = h.gocardless.createCustomer(CustomerDetails.person("Bob", "Bits", "bob@example.com"));
        String client = h.freshbooks.createClient("bob@example.com", "Bob's Bits", "GBP");
        String invoice = h.freshbooks.createSentInvoice(client, "80.00", "GBP", due);
        h.settle();

        String brq = h.ctx.ids().target(Keys.CLIENT_BILLING_REQUEST, client).orElseThrow();
        assertEquals(customer, h.gocardless.billingRequest(brq).path("links").path("customer").asText());
        assertEquals(1, h.ctx.alerts().raised().size());
        assertTrue(h.ctx.alerts().raised().get(0).detail().contains("/billing/static/flow?id=BRF"));
        assertEquals(SyncStatus.NEEDS_ATTENTION, h.ctx.syncRecords().find(Keys.INVOICE, invoice).orElseThrow().status());

        String second = h.freshbooks.createSentInvoice(client, "20.00", "GBP", due);
        h.settle();
        assertEquals(brq, h.ctx.ids().target(Keys.CLIENT_BILLING_REQUEST, client).orElseThrow(), "the same link again");
        assertEquals(1, h.ctx.alerts().raised().size(), "announced once");

        String mandate = h.gocardless.fulfilBillingRequest(brq, "Bob's Bits");
        h.settle();
        assertEquals(mandate, h.gocardless.payment(collectingPaymentOf(invoice)).path("links").path("mandate").asText());
        assertEquals(2000, h.gocardless.payment(collectingPaymentOf(second)).path("amount").asLong());
        assertEquals(SyncStatus.DONE, h.ctx.syncRecords().find(Keys.INVOICE, invoice).orElseThrow().status());
    }

    @Test
    void aClientMatchingNoPayerIsHeldWithAQuestionAndTheAnswerSendsALink() {
        h.connected();
        h.gocardless.createCustomer(CustomerDetails.person("Someone", "Else", "else@example.com"));
        String client = h.freshbooks.createClient("carol@example.com", "Carol Co", "GBP");
        String invoice = h.freshbooks.createSentInvoice(client, "50.00", "GBP", due);
        h.settle();

        var record = h.ctx.syncRecords().find(Keys.INVOICE, invoice).orElseThrow();
        assertEquals(SyncStatus.NEEDS_ATTENTION, record.status());
        assertTrue(record.lastError().contains("Carol Co"), record.lastError());
        assertTrue(h.ctx.pickLists().find(Keys.GC_CUSTOMERS, Keys.NEW_PAYER).isPresent());

        h.ctx.ids().replace(Keys.CLIENT_CUSTOMER, client, Keys.NEW_PAYER);   // the person's answer
        h.connector.handle(new io.mlconnector.api.webhook.InboundEvent(Keys.FRESHBOOKS, "replay", "invoice.update",
                invoice, null, "{}"), h.ctx);
        String brq = h.ctx.ids().target(Keys.CLIENT_BILLING_REQUEST, client).orElseThrow();
        String newCustomer = h.gocardless.billingRequest(brq).path("links").path("customer").asText();
        assertEquals("carol@example.com", h.gocardless.resource("customers", newCustomer).path("email").asText());
    }

    @Test
    void aCollectionBecomesOneFreshBooksPaymentAndAFailureAfterwardsRemovesIt() {
        h.connected();
        payerWithMandate("ada@example.com");
        String client = h.freshbooks.createClient("ada@example.com", "Analytical Engines", "GBP");
        String invoice = h.freshbooks.createSentInvoice(client, "120.50", "GBP", due);
        h.settle();
        String pm = collectingPaymentOf(invoice);

        h.gocardless.confirmPayment(pm);
        var events = h.gocardless.takeNewEvents();
        var sender = new io.mlconnector.testkit.gocardless.WebhookSender(Harness.GC_SECRET);
        URIHolder.send(sender, h, events);
        URIHolder.send(sender, h, events);
        h.handleAll();

        List<JsonNode> payments = h.freshbooks.activePaymentsOf(invoice);
        assertEquals(1, payments.size());
        assertEquals("120.50", payments.get(0).path("amount").path("amount").asText());
        assertEquals("GoCardless payment " + pm, payments.get(0).path("note").asText());
        assertEquals("paid", h.freshbooks.invoice(invoice).path("v3_status").asText());

        h.gocardless.chargeBackPayment(pm);
        h.settle();
        assertTrue(h.freshbooks.activePaymentsOf(invoice).isEmpty());
        assertEquals("120.50", h.freshbooks.invoice(invoice).path("outstanding").path("amount").asText());
        assertTrue(h.ctx.alerts().raised().stream().anyMatch(a -> a.subject().contains(pm) && a.subject().contains("charged back")));
        assertEquals(SyncStatus.NEEDS_ATTENTION, h.ctx.syncRecords().find(Keys.PAYMENT, pm).orElseThrow().status());
    }

    @Test
    void aRefundIsRecordedAgainstTheInvoiceAndPayoutFeesBecomeAnExpense() {
        h.connected();
        payerWithMandate("ada@example.com");
        String client = h.freshbooks.createClient("ada@example.com", "Analytical Engines", "GBP");
        String invoice = h.freshbooks.createSentInvoice(client, "100.00", "GBP", due);
        h.settle();
        String pm = collectingPaymentOf(invoice);
        String payout = h.gocardless.payout("GBP").payment(pm, 120).create();
        h.settle();

        List<JsonNode> expenses = h.freshbooks.expenses();
        assertEquals(1, expenses.size());
        assertEquals("1.20", expenses.get(0).path("amount").path("amount").asText());
        String bankFees = h.freshbooks.expenseCategories().stream().filter(c -> c.path("category").asText().equals("Bank Fees"))
                .findFirst().orElseThrow().path("categoryid").asText();
        assertEquals(bankFees, expenses.get(0).path("categoryid").asText());
        String summary = h.ctx.syncRecords().find(Keys.PAYOUT, payout).orElseThrow().summary();
        assertTrue(summary.contains("1 payment 100.00 GBP, fees 1.20 GBP, refunds 0.00 GBP, net 98.80 GBP"), summary);

        String refund = h.gocardless.createRefund(pm, 2500);
        h.gocardless.markRefundPaid(refund);
        h.settle();
        h.settle();
        List<JsonNode> payments = h.freshbooks.activePaymentsOf(invoice);
        assertEquals(2, payments.size());
        assertEquals("-25.00", payments.get(1).path("amount").path("amount").asText());
        assertEquals("25.00", h.freshbooks.invoice(invoice).path("outstanding").path("amount").asText());
        assertEquals(1, h.freshbooks.expenses().size(), "one expense per payout");
    }

    @Test
    void aDeletedInvoiceOrOnePaidByOtherMeansCancelsThePendingCollection() {
        h.connected();
        payerWithMandate("ada@example.com");
        String client = h.freshbooks.createClient("ada@example.com", "Analytical Engines", "GBP");
        String deleted = h.freshbooks.createSentInvoice(client, "10.00", "GBP", due);
        String paidByCheque = h.freshbooks.createSentInvoice(client, "20.00", "GBP", due);
        h.settle();

        h.freshbooks.deleteInvoice(deleted);
        h.freshbooks.recordPayment(paidByCheque, "20.00", "Check", "cheque 0042");
        h.settle();

        assertEquals("cancelled", h.gocardless.payment(collectingPaymentOf(deleted)).path("status").asText());
        assertEquals("cancelled", h.gocardless.payment(collectingPaymentOf(paidByCheque)).path("status").asText());
        assertEquals(SyncStatus.SKIPPED, h.ctx.syncRecords().find(Keys.INVOICE, deleted).orElseThrow().status());
        assertTrue(h.ctx.alerts().raised().isEmpty(), "a cancelled collection nobody made is no failure");
    }

    @Test
    void aTamperedOrUnsignedDeliveryIsRefusedWith401AndNothingIsStored() {
        h.connected();
        String client = h.freshbooks.createClient("ada@example.com", "Analytical Engines", "GBP");
        h.freshbooks.createSentInvoice(client, "10.00", "GBP", due);
        List<FakeDelivery> deliveries = h.freshbooks.takeDeliveries();
        int before = h.storedEvents();

        FakeDelivery genuine = deliveries.get(0);
        assertEquals(401, h.freshbooks.deliver(genuine.tampered("object_id", "999")));
        assertEquals(401, h.freshbooks.deliver(new FakeDelivery(genuine.uri(), genuine.fields(), null)));
        assertEquals(401, h.freshbooks.deliver(new FakeDelivery(genuine.uri(), genuine.fields(), "bm90IGEgc2lnbmF0dXJl")));
        assertEquals(before, h.storedEvents());

        assertEquals(200, h.freshbooks.deliver(genuine));
        assertEquals(200, h.freshbooks.deliver(genuine));
        assertEquals(before + 2, h.storedEvents(), "deliveries carry no id: each is stored, and handled idempotently");
    }

    @Test
    void aForgedHandshakeIsRefusedAndAWrongVerifierIsNeverKept() {
        h.connect();
        List<FakeDelivery> handshakes = h.freshbooks.takeDeliveries();
        FakeDelivery real = handshakes.get(0);
        assertEquals(401, h.freshbooks.deliver(real.tampered("object_id", "424242")), "not a callback we registered");

        assertEquals(200, h.freshbooks.deliver(real.tampered("verifier", "guessed")));
        h.handleAll();
        assertTrue(h.ctx.credentials().all(Keys.VERIFIERS).isEmpty());
        assertFalse(h.freshbooks.callbacks().get(0).path("verified").asBoolean());

        assertEquals(200, h.freshbooks.deliver(real));
        h.handleAll();
        assertTrue(h.freshbooks.callbacks().get(0).path("verified").asBoolean());
    }

    @Test
    void aCallbackThatDisappearsIsRegisteredAgainByTheHourlyCheck() {
        h.connected();
        String gone = h.freshbooks.callbacks().get(1).path("callbackid").asText();
        String event = h.freshbooks.callbacks().get(1).path("event").asText();
        h.freshbooks.dropCallback(gone);

        h.connector.runSchedule(Keys.KEEP_CALLBACKS, h.ctx);
        h.deliverFreshBooks();
        h.handleAll();

        List<JsonNode> callbacks = h.freshbooks.callbacks();
        assertEquals(Callbacks.EVENTS.size(), callbacks.size());
        assertTrue(callbacks.stream().allMatch(c -> c.path("verified").asBoolean()));
        assertTrue(callbacks.stream().anyMatch(c -> c.path("event").asText().equals(event)));
        assertEquals(Callbacks.EVENTS.size(), h.ctx.credentials().all(Keys.VERIFIERS).size(), "the lost one's key is dropped");
    }

    @Test
    void theInvoicePollCollectsWhatNoWebhookAnnounced() {
        payerWithMandate("ada@example.com");
        String client = h.freshbooks.createClient("ada@example.com", "Analytical Engines", "GBP");
        String before = h.freshbooks.createSentInvoice(client, "5.00", "GBP", due);
        h.connector.runSchedule(Keys.POLL_INVOICES, h.ctx);
        assertTrue(h.ctx.ids().target(Keys.INVOICE_PAYMENT, before).isEmpty(), "history before connecting is left alone");

        h.freshbooks.advanceTime(java.time.Duration.ofMinutes(1));
        String after = h.freshbooks.createSentInvoice(client, "7.00", "GBP", due);
        h.connector.runSchedule(Keys.POLL_INVOICES, h.ctx);
        h.connector.runSchedule(Keys.POLL_INVOICES, h.ctx);
        assertEquals(700, h.gocardless.payment(collectingPaymentOf(after)).path("amount").asLong());
        assertEquals(1, h.gocardless.countRequests("POST", "/payments"));
    }

    @Test
    void anExpiredAccessTokenIsRenewedOnceThroughThePlatformAndTheWorkGoesOn() {
        h.connected();
        payerWithMandate("ada@example.com");
        String client = h.freshbooks.createClient("ada@example.com", "Analytical Engines", "GBP");
        String invoice = h.freshbooks.createSentInvoice(client, "9.00", "GBP", due);
        h.auth.expireAccessTokens();
        h.settle();
        assertEquals(1, h.ctx.oauth().renewals(Keys.FRESHBOOKS));
        assertEquals(900, h.gocardless.payment(collectingPaymentOf(invoice)).path("amount").asLong());
    }
}
