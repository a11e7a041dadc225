package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.testkit.context.InMemoryQuickBooksDesktop.LostAnswers;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.qbd.QbInvoice;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request whose session died after QuickBooks carried it out may be sent to QuickBooks a second
 * time, as it was. The books still end with each GoCardless object exactly once.
 */
class RequestsSentTwiceTest {

    @Test
    void aPaymentAddSentAgainAfterItsInvoiceWasPaidEndsAsOnePayment() {
        try (Scenario s = Scenario.gbp()) {
            s.ctx.quickBooks().whenSessionDies(LostAnswers.SENT_AGAIN);
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            QbInvoice invoice = s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();
            s.ctx.quickBooks().loseAnswerOfNext(rq -> rq.purpose().startsWith(PaymentFlow.STEPS.add()));

            s.poll();
            s.poll();                                          // the add again: refused, the invoice is paid

            assertEquals(1, s.payments().size());
            assertEquals(s.paymentFor(payment).txnId(), s.ctx.ids().target("payment", payment).orElseThrow());
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("payment", payment).orElseThrow().status());
            assertTrue(s.books.invoice(invoice.txnId()).orElseThrow().paid());
        }
    }

    @Test
    void anUnappliedPaymentAddedTwiceLosesItsCopy() {
        try (Scenario s = Scenario.gbp()) {
            s.ctx.quickBooks().whenSessionDies(LostAnswers.SENT_AGAIN);
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");   // no invoice to apply it to
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();
            s.ctx.quickBooks().loseAnswerOfNext(rq -> rq.purpose().startsWith(PaymentFlow.STEPS.add()));

            s.poll();
            s.poll();                                          // added a second time, then found and deleted

            assertEquals(1, s.payments().size());
            assertEquals(s.paymentFor(payment).txnId(), s.ctx.ids().target("payment", payment).orElseThrow());
            assertTrue(s.ctx.audit().steps(payment).contains("payment.duplicate-removed"));
        }
    }

    @Test
    void aCreditMemoAddedTwiceForARefundLosesItsCopy() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();
            s.poll();
            s.ctx.quickBooks().whenSessionDies(LostAnswers.SENT_AGAIN);
            String refund = s.gc.createRefund(payment, 1000);
            s.deliverNewEvents();
            s.ctx.quickBooks().loseAnswerOfNext(rq -> rq.purpose().startsWith(RefundFlow.CREDIT_STEPS.add()));

            s.poll();
            s.poll();

            assertEquals(1, s.books.creditMemos().size());
            assertEquals(1, s.books.refunds().size());
            assertEquals("0.00", s.books.creditMemos().get(0).creditRemaining());
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("refund", refund).orElseThrow().status());
        }
    }

    @Test
    void aDepositSentAgainIsRefusedAndTheFirstOneIsKept() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();
            s.poll();
            s.ctx.quickBooks().whenSessionDies(LostAnswers.SENT_AGAIN);
            String payout = s.gc.payout("GBP").payment(payment, 20).create();
            s.deliverNewEvents();
            s.ctx.quickBooks().loseAnswerOfNext(rq -> rq.purpose().startsWith(PayoutFlow.STEPS.add()));

            s.poll();
            s.poll();

            assertEquals(1, s.books.deposits().size());
            assertEquals(s.books.deposits().get(0).txnId(), s.ctx.ids().target("payout", payout).orElseThrow());
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("payout", payout).orElseThrow().status());
        }
    }
}
