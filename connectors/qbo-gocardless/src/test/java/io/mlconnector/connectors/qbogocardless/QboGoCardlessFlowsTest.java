package io.mlconnector.connectors.qbogocardless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.testkit.qbo.QboChange;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QboGoCardlessFlowsTest {

    private final QboGoCardlessWorld w = new QboGoCardlessWorld();

    @AfterEach
    void close() {
        w.close();
    }

    private String invoiceCollected(String customer, String amount) {
        String invoice = w.company.addInvoice(customer, amount, LocalDate.now().plusDays(20));
        w.deliverQboChanges();
        return w.ctx.ids().target(Ledger.INVOICE_PAYMENT, invoice).orElseThrow();
    }

    /** An invoice of a customer with a mandate, collected by GoCardless and recorded in QuickBooks; returns the payment id. */
    private String collectedAndRecorded(String amount) {
        String customer = w.customerWithMandate("Ada Lovelace", "ada@example.com");
        String pm = invoiceCollected(customer, amount);
        w.gc.confirmPayment(pm);
        w.deliverGoCardless();
        return pm;
    }

    @Test
    void aQuickBooksCustomerBecomesOneGoCardlessCustomerWithItsIdInMetadata() {
        String customer = w.company.addCustomer("Ada Lovelace", "ada@example.com");
        w.deliverQboChanges();
        w.company.editAsUser("Customer", customer, "CompanyName", "Analytical Engines");
        w.deliverQboChanges();

        String gcCustomer = w.ctx.ids().target(Ledger.CUSTOMER, customer).orElseThrow();
        var stored = w.gc.customer(gcCustomer);
        assertEquals("ada@example.com", stored.path("email").asText());
        assertEquals(customer, stored.path("metadata").path(CustomerFlow.METADATA_KEY).asText());
        assertEquals("Analytical Engines", stored.path("company_name").asText(), "the update reached GoCardless");
        assertEquals(1, w.gc.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/customers")).count(),
                "never a second GoCardless customer for one QuickBooks customer");
    }

    @Test
    void anUnpaidInvoiceOfACustomerWithAMandateBecomesOnePaymentOnItsDueDate() {
        String customer = w.customerWithMandate("Ada Lovelace", "ada@example.com");
        LocalDate due = LocalDate.now().plusDays(20);
        String invoice = w.company.addInvoice(customer, "120.50", due);
        List<QboChange> changes = w.qbo.takeChanges();
        w.deliverQbo(w.qboSender.cloudEventsBody(changes));
        w.deliverQbo(w.qboSender.legacyBody(changes)); // the same change again, in the other payload

        String pm = w.ctx.ids().target(Ledger.INVOICE_PAYMENT, invoice).orElseThrow();
        var payment = w.gc.payment(pm);
        assertEquals(12050, payment.path("amount").asLong());
        assertEquals("GBP", payment.path("currency").asText());
        assertEquals(due.toString(), payment.path("charge_date").asText());
        assertEquals(1, w.gc.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/payments")).count());
    }

    @Test
    void aCustomerWithoutAMandateIsListedAsWaitingForOne() {
        String customer = w.company.addCustomer("Charles Babbage", "charles@example.com");
        String invoice = w.company.addInvoice(customer, "80.00", LocalDate.now().plusDays(10));
        w.deliverQboChanges();
        var record = w.ctx.syncRecords().find(InvoiceFlow.KIND, invoice).orElseThrow();
        assertEquals(SyncStatus.NEEDS_ATTENTION, record.status());
        assertTrue(record.lastError().contains("waiting for a mandate"), record.lastError());
        assertTrue(w.ctx.ids().target(Ledger.INVOICE_PAYMENT, invoice).isEmpty());
    }

    @Test
    void aCollectionBecomesAPaymentLinkedToTheInvoiceOnceHoweverTheEventsArrive() {
        String customer = w.customerWithMandate("Ada Lovelace", "ada@example.com");
        String pm = invoiceCollected(customer, "120.50");
        String invoice = w.ctx.ids().source(Ledger.INVOICE_PAYMENT, pm).orElseThrow();
        w.gc.confirmPayment(pm);
        var confirmed = w.gc.takeNewEvents();
        List<io.mlconnector.testkit.gocardless.FakeGoCardlessEvent> reversed = new ArrayList<>(confirmed);
        Collections.reverse(reversed);
        w.deliverGoCardless(reversed);
        w.deliverGoCardless(confirmed); // delivered again

        String posted = w.ctx.ids().target(Ledger.PAYMENT, pm).orElseThrow();
        ObjectNode payment = w.company.get("Payment", posted);
        assertEquals(pm, payment.path("PaymentRefNum").asText());
        assertTrue(payment.path("PrivateNote").asText().contains(pm));
        assertEquals(invoice, payment.path("Line").get(0).path("LinkedTxn").get(0).path("TxnId").asText());
        assertEquals(0, w.company.balanceOf(invoice).signum());
        assertEquals(1, w.company.all("Payment").size());
    }

    @Test
    void aChargeBackRemovesThePostedPaymentSoTheInvoiceReopens() {
        String pm = collectedAndRecorded("60.00");
        String invoice = w.ctx.ids().source(Ledger.INVOICE_PAYMENT, pm).orElseThrow();
        assertEquals(1, w.company.all("Payment").size());
        w.gc.chargeBackPayment(pm);
        w.deliverGoCardless();

        assertTrue(w.company.all("Payment").isEmpty());
        assertEquals(new BigDecimal("60.00"), w.company.balanceOf(invoice));
        assertFalse(w.ctx.alerts().about(pm).isEmpty());
        assertEquals(SyncStatus.FAILED, w.ctx.syncRecords().find(CollectionFlow.KIND, pm).orElseThrow().status());
    }

    @Test
    void aFailureBeforeCollectionPostsNothingAndRaisesAnAlert() {
        String customer = w.customerWithMandate("Ada Lovelace", "ada@example.com");
        String pm = invoiceCollected(customer, "60.00");
        w.gc.failPayment(pm);
        w.deliverGoCardless();
        assertTrue(w.company.all("Payment").isEmpty());
        assertFalse(w.ctx.alerts().about(pm).isEmpty());
    }

    @Test
    void aPaymentAlreadyRecordedInQuickBooksIsNotAppliedTwice() {
        String customer = w.customerWithMandate("Ada Lovelace", "ada@example.com");
        String pm = invoiceCollected(customer, "60.00");
        String invoice = w.ctx.ids().source(Ledger.INVOICE_PAYMENT, pm).orElseThrow();
        // A bookkeeper records the money by hand before GoCardless confirms.
        new io.mlconnector.systems.qbo.QuickBooksOnline(Books.client(w.ctx), "GBP").createPayment(
                io.mlconnector.systems.qbo.QboPayment.newForInvoice(customer, invoice,
                        io.mlconnector.api.money.Money.parse("60.00", "GBP"), LocalDate.now(), "cheque", null, null, null), null);
        w.gc.confirmPayment(pm);
        w.deliverGoCardless();
        assertEquals(1, w.company.all("Payment").size());
        assertEquals(SyncStatus.NEEDS_ATTENTION, w.ctx.syncRecords().find(CollectionFlow.KIND, pm).orElseThrow().status());
    }

    @Test
    void aRefundIsARefundReceiptFromTheClearingAccount() {
        String pm = collectedAndRecorded("60.00");
        String customer = w.company.get("Payment", w.ctx.ids().target(Ledger.PAYMENT, pm).orElseThrow())
                .path("CustomerRef").path("value").asText();
        String refund = w.gc.createRefund(pm, 1500);
        w.gc.markRefundPaid(refund);
        w.deliverGoCardless();

        String receipt = w.ctx.ids().target(Ledger.REFUND, refund).orElseThrow();
        ObjectNode stored = w.company.get("RefundReceipt", receipt);
        assertEquals(new BigDecimal("15.00"), stored.path("TotalAmt").decimalValue());
        assertEquals(w.clearing, stored.path("DepositToAccountRef").path("value").asText());
        assertEquals(customer, stored.path("CustomerRef").path("value").asText());
    }

    @Test
    void aPayoutBecomesOneDepositEqualToThePayout() {
        String customer = w.customerWithMandate("Ada Lovelace", "ada@example.com");
        String pm1 = invoiceCollected(customer, "100.00");
        String pm2 = invoiceCollected(customer, "25.10");
        w.gc.confirmPayment(pm1);
        w.gc.confirmPayment(pm2);
        w.deliverGoCardless();
        String payout = w.gc.payout("GBP").payment(pm1, 120).payment(pm2, 43).create();
        w.deliverGoCardless();

        String depositId = w.ctx.ids().target(Ledger.PAYOUT, payout).orElseThrow();
        ObjectNode deposit = w.company.get("Deposit", depositId);
        assertEquals(new BigDecimal("123.47"), deposit.path("TotalAmt").decimalValue(), "125.10 collected - 1.63 fees");
        assertEquals(w.gc.payoutResource(payout).path("amount").asLong(), deposit.path("TotalAmt").decimalValue().movePointRight(2).longValueExact());
        assertEquals(w.bank, deposit.path("DepositToAccountRef").path("value").asText());
        List<String> lines = new ArrayList<>();
        deposit.path("Line").forEach(l -> lines.add(l.has("LinkedTxn") ? "payment " + l.path("Amount").decimalValue()
                : l.path("DepositLineDetail").path("AccountRef").path("value").asText() + " " + l.path("Amount").decimalValue()));
        assertEquals(List.of("payment 100.00", "payment 25.10", w.fees + " -1.63"), lines);
    }

    @Test
    void aTokenRefusedMidRunIsRefreshedOnceAndTheWorkCarriesOn() {
        String customer = w.customerWithMandate("Ada Lovelace", "ada@example.com");
        String pm = invoiceCollected(customer, "60.00");
        w.qbo.revokeToken("qbo-access-1"); // the hour is up in the middle of the run
        w.gc.confirmPayment(pm);
        w.deliverGoCardless();
        assertTrue(w.ctx.ids().target(Ledger.PAYMENT, pm).isPresent());
        assertEquals(1, w.ctx.oauth().renewals(QboGoCardlessSpec.QBO));
    }

    @Test
    void changeDataCaptureCatchesAnInvoiceWhoseWebhookWasLost() {
        String customer = w.customerWithMandate("Ada Lovelace", "ada@example.com");
        w.ctx.cursors().set(QboGoCardlessConnector.CDC_CURSOR, Instant.now().minusSeconds(60).toString());
        String invoice = w.company.addInvoice(customer, "42.00", LocalDate.now().plusDays(15));
        w.qbo.takeChanges(); // never delivered
        w.connector.runSchedule(QboGoCardlessSpec.QBO_CHANGES, w.ctx);
        assertTrue(w.ctx.ids().target(Ledger.INVOICE_PAYMENT, invoice).isPresent());
        w.connector.runSchedule(QboGoCardlessSpec.QBO_CHANGES, w.ctx);
        assertEquals(1, w.gc.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/payments")).count());
    }

    @Test
    void notificationsOfAnotherCompanyAndBadSignaturesAreNotActedOn() {
        var other = w.qbo.addCompany("1111", "Other Co", "GBP", false);
        w.qbo.takeChanges();
        other.addCustomer("Someone Else", null);
        w.deliverQboChanges();
        assertTrue(w.gc.requests().stream().noneMatch(r -> r.path().equals("/customers")));

        byte[] body = w.qboSender.cloudEventsBody(List.of(new QboChange("x", QboGoCardlessWorld.REALM, "Customer", "1", "Create", Instant.now())));
        WebhookResult refused = w.connector.receiveWebhook(new WebhookRequest(QboGoCardlessSpec.QBO, body,
                Map.of("intuit-signature", List.of("AAAA")), List.of(QboGoCardlessWorld.QBO_VERIFIER)), w.ctx);
        assertTrue(refused instanceof WebhookResult.Rejected);
    }

    @Test
    void settingsPickListsComeFromTheCompany() {
        w.connector.runSchedule(QboGoCardlessSpec.QBO_LISTS, w.ctx);
        assertTrue(w.ctx.pickLists().find(QboGoCardlessSpec.LIST_ACCOUNTS, w.bank).isPresent());
        assertTrue(w.ctx.pickLists().find(QboGoCardlessSpec.LIST_ITEMS, w.refundItem).isPresent());
    }
}
