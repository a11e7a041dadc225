package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.testkit.context.RaisedAlert;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.qbd.QbInvoice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failed, cancelled and charged-back collections stay out of the books, are flagged and raise an alert. */
class FailedCollectionsTest {

    @Test
    void aFailedCollectionPostsNothingAndRaisesAnAlert() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            QbInvoice invoice = s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.failPayment(payment);

            s.deliverNewEvents();
            s.poll();

            assertEquals(0, s.payments().size());
            assertFalse(s.books.invoice(invoice.txnId()).orElseThrow().paid());
            SyncRecord record = s.ctx.syncRecords().find("payment", payment).orElseThrow();
            assertEquals(SyncStatus.FAILED, record.status());
            assertTrue(record.lastError().contains("The collection failed"), record.lastError());
            List<RaisedAlert> alerts = s.ctx.alerts().about(payment);
            assertEquals(1, alerts.size());
            assertTrue(alerts.get(0).subject().contains("failed"), alerts.get(0).subject());
        }
    }

    @Test
    void aCollectionThatFailsAfterItWasPostedIsTakenOutOfTheBooks() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            QbInvoice invoice = s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();
            s.poll();
            assertTrue(s.books.invoice(invoice.txnId()).orElseThrow().paid());

            s.gc.failPayment(payment);                         // a late failure, after confirmation
            s.deliverNewEvents();
            s.poll();

            assertEquals(0, s.payments().size());
            assertEquals("25.00", s.books.invoice(invoice.txnId()).orElseThrow().balanceRemaining());
            assertTrue(s.ctx.ids().target("payment", payment).isEmpty());
            assertEquals(SyncStatus.FAILED, s.ctx.syncRecords().find("payment", payment).orElseThrow().status());
            assertEquals(1, s.ctx.alerts().about(payment).size());
            assertTrue(s.ctx.audit().steps(payment).contains("payment.reversed"));
        }
    }

    @Test
    void aFailureThatArrivesWhileThePaymentIsOnItsWayIsNotPosted() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();                              // queued for QuickBooks...
            s.gc.failPayment(payment);
            s.deliverNewEvents();                              // ...and failed before the Web Connector ran

            s.poll();

            assertEquals(0, s.payments().size());
            assertEquals(SyncStatus.FAILED, s.ctx.syncRecords().find("payment", payment).orElseThrow().status());
        }
    }

    @Test
    void aCancelledPaymentIsSkippedWithAnAlert() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.cancelPayment(payment);

            s.deliverNewEvents();
            s.replayAll();
            s.poll();

            assertEquals(0, s.payments().size());
            assertEquals(SyncStatus.SKIPPED, s.ctx.syncRecords().find("payment", payment).orElseThrow().status());
            assertEquals(1, s.ctx.alerts().about(payment).size(), "one alert, however often the event is replayed");
        }
    }

    @Test
    void aChargeBackAfterThePayoutIsLeftToAPersonWithAnAlert() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.gc.payout("GBP").payment(payment, 20).create();
            s.deliverNewEvents();
            s.poll();
            assertEquals(1, s.books.deposits().size());

            s.gc.chargeBackPayment(payment);
            s.deliverNewEvents();
            s.poll();

            assertEquals(1, s.payments().size(), "a deposited payment is not deleted behind the bank's back");
            SyncRecord record = s.ctx.syncRecords().find("payment", payment).orElseThrow();
            assertEquals(SyncStatus.NEEDS_ATTENTION, record.status());
            assertTrue(record.lastError().contains("charged the payment back"), record.lastError());
            assertEquals(1, s.ctx.alerts().about(payment).size());
        }
    }
}
