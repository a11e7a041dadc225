package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.qbd.QbInvoice;
import io.mlconnector.testkit.qbd.QbLink;
import io.mlconnector.testkit.qbd.QbPayment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Collected GoCardless payments become QuickBooks payments applied to the right invoices. */
class PaymentsIntoBooksTest {

    @Test
    void aSignedBatchOfCollectionsIsAppliedToTheInvoicesTheyPay() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            CustomerWithMandate alan = s.customer("Alan Turing", "alan@example.com");
            QbInvoice adaOld = s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            QbInvoice adaNamed = s.books.addOpenInvoice("Ada Lovelace", "1002", "40.00");
            QbInvoice alanInvoice = s.books.addOpenInvoice("Alan Turing", "2001", "12.50");
            String byNumber = s.gc.createPayment(ada.mandateId(), 4000, "GBP", null, Map.of("invoice_number", "1002"));
            String byAmount = s.gc.createPayment(alan.mandateId(), 1250, "GBP");
            s.gc.confirmPayment(byNumber);
            s.gc.confirmPayment(byAmount);

            s.deliverNewEvents();
            s.poll();

            QbPayment first = s.paymentFor(byNumber);
            assertEquals("40.00", first.totalAmount());
            assertEquals(s.qbCustomer("Ada Lovelace").listId(), first.customerListId());
            assertEquals(List.of(adaNamed.txnId()), first.appliedTo().stream().map(QbLink::txnId).toList());
            assertEquals(byNumber, first.refNumber());
            assertEquals("GoCardless", first.paymentMethod());
            assertEquals("Undeposited Funds", first.depositToAccount());
            QbPayment second = s.paymentFor(byAmount);
            assertEquals("12.50", second.totalAmount());
            assertEquals(List.of(alanInvoice.txnId()), second.appliedTo().stream().map(QbLink::txnId).toList());
            assertTrue(s.books.invoice(adaNamed.txnId()).orElseThrow().paid());
            assertFalse(s.books.invoice(adaOld.txnId()).orElseThrow().paid(), "the other invoice stays open");

            SyncRecord record = s.ctx.syncRecords().find("payment", byNumber).orElseThrow();
            assertEquals(SyncStatus.DONE, record.status());
            assertEquals(first.txnId(), record.targetId());
            assertEquals(first.txnId(), s.ctx.ids().target("payment", byNumber).orElseThrow());
            assertTrue(s.ctx.audit().entries(byNumber).stream().anyMatch(e -> e.step().equals("payment.posted")
                    && first.txnId().equals(e.targetId())));
        }
    }

    @Test
    void euroCollectionsAreConvertedWithTheCurrencyExponent() {
        try (Scenario s = Scenario.eur()) {
            CustomerWithMandate marie = s.customer("Marie Curie", "marie@example.com");
            QbInvoice invoice = s.books.addOpenInvoice("Marie Curie", "E-17", "1234.56");
            String payment = s.gc.createPayment(marie.mandateId(), 123456, "EUR");
            s.gc.confirmPayment(payment);

            s.deliverNewEvents();
            s.poll();

            QbPayment posted = s.paymentFor(payment);
            assertEquals("1234.56", posted.totalAmount());
            assertEquals(List.of(invoice.txnId()), posted.appliedTo().stream().map(QbLink::txnId).toList());
            assertEquals("0.00", s.books.invoice(invoice.txnId()).orElseThrow().balanceRemaining());
        }
    }

    @Test
    void aPaymentWithoutAMatchingInvoiceIsPostedUnappliedAndFlagged() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            QbInvoice other = s.books.addOpenInvoice("Ada Lovelace", "1001", "99.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);

            s.deliverNewEvents();
            s.poll();

            QbPayment posted = s.paymentFor(payment);
            assertEquals("25.00", posted.totalAmount());
            assertEquals(List.of(), posted.appliedTo());
            assertEquals("25.00", posted.unusedPayment());
            assertFalse(s.books.invoice(other.txnId()).orElseThrow().paid(), "no invoice of another amount is touched");
            SyncRecord record = s.ctx.syncRecords().find("payment", payment).orElseThrow();
            assertEquals(SyncStatus.NEEDS_ATTENTION, record.status());
            assertEquals(posted.txnId(), record.targetId());
            assertTrue(record.lastError().contains("not applied"), record.lastError());
        }
    }

    @Test
    void aPaymentNamingAnotherCustomersInvoiceFallsBackToTheAmount() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.customer("Alan Turing", "alan@example.com");
            QbInvoice alans = s.books.addOpenInvoice("Alan Turing", "2001", "25.00");
            QbInvoice adas = s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP", "2001", Map.of());
            s.gc.confirmPayment(payment);

            s.deliverNewEvents();
            s.poll();

            assertEquals(List.of(adas.txnId()), s.paymentFor(payment).appliedTo().stream().map(QbLink::txnId).toList());
            assertFalse(s.books.invoice(alans.txnId()).orElseThrow().paid());
        }
    }

    @Test
    void aPaymentInAnotherCurrencyThanTheBooksIsHeld() {
        try (Scenario s = Scenario.gbp(Map.of(Keys.BOOKS_CURRENCY, "GBP"))) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "EUR");
            s.gc.confirmPayment(payment);

            s.deliverNewEvents();
            s.poll();

            assertEquals(0, s.payments().size());
            SyncRecord record = s.ctx.syncRecords().find("payment", payment).orElseThrow();
            assertEquals(SyncStatus.NEEDS_ATTENTION, record.status());
            assertTrue(record.lastError().contains("EUR"), record.lastError());
            assertTrue(s.ctx.syncRecords().question("payment", payment).isEmpty(),
                    "no customer to pick: the person records it by hand or changes the setting");
        }
    }

    @Test
    void aPaymentNotYetCollectedWaits() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.submitPayment(payment);
            s.connector.handle(new io.mlconnector.api.webhook.InboundEvent("gocardless", "EV-manual", "payments.submitted",
                    payment, null, "{}"), s.ctx);
            s.poll();

            assertEquals(0, s.payments().size());
            assertEquals(SyncStatus.PENDING, s.ctx.syncRecords().find("payment", payment).orElseThrow().status());
        }
    }

    @Test
    void theNextCollectionOnAKnownMandateReadsOnlyThePaymentFromGoCardless() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            s.books.addOpenInvoice("Ada Lovelace", "1002", "30.00");
            String january = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(january);
            s.deliverNewEvents();
            s.poll();
            long mandateReadsBefore = mandateReads(s, ada.mandateId());
            assertTrue(mandateReadsBefore >= 1, "the mandate was read once, for its customer: " + s.gc.requests());

            String february = s.gc.createPayment(ada.mandateId(), 3000, "GBP");
            s.gc.confirmPayment(february);
            s.deliverNewEvents();
            s.poll();

            assertEquals("30.00", s.paymentFor(february).totalAmount(), "posted as before");
            assertEquals(s.qbCustomer("Ada Lovelace").listId(), s.paymentFor(february).customerListId());
            assertEquals(mandateReadsBefore, mandateReads(s, ada.mandateId()),
                    "the mandate's customer was remembered, not read again");
            assertEquals(ada.customerId(), s.ctx.ids().target(LedgerKinds.MANDATE_CUSTOMER, ada.mandateId()).orElseThrow());
        }
    }

    private static long mandateReads(Scenario s, String mandateId) {
        return s.gc.requests().stream().filter(r -> r.method().equals("GET") && r.path().equals("/mandates/" + mandateId)).count();
    }
}
