package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.qbd.QbCreditMemo;
import io.mlconnector.testkit.qbd.QbLink;
import io.mlconnector.testkit.qbd.QbRefund;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GoCardless refunds are booked as QuickBooks books a customer refund, against the original payment. */
class RefundsTest {

    @Test
    void aRefundBecomesACreditMemoPaidBackToThePaymentsCustomer() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();
            s.poll();

            String refund = s.gc.createRefund(payment, 1000);
            s.deliverNewEvents();
            s.poll();

            String customer = s.qbCustomer("Ada Lovelace").listId();
            List<QbCreditMemo> credits = s.books.creditMemos();
            assertEquals(1, credits.size());
            assertEquals("10.00", credits.get(0).totalAmount());
            assertEquals("0.00", credits.get(0).creditRemaining(), "the refund used the whole credit");
            assertEquals(customer, credits.get(0).customerListId());
            List<QbRefund> refunds = s.books.refunds();
            assertEquals(1, refunds.size());
            QbRefund booked = refunds.get(0);
            assertEquals("10.00", booked.totalAmount());
            assertEquals(customer, booked.customerListId());
            assertEquals("GoCardless Clearing", booked.refundFromAccount());
            assertEquals(List.of(credits.get(0).txnId()), booked.refundedFrom().stream().map(QbLink::txnId).toList());
            assertTrue(booked.memo().contains(refund) && booked.memo().contains(payment), booked.memo());
            assertTrue(booked.memo().contains(s.paymentFor(payment).txnId()), "names the original QuickBooks payment");
            assertEquals(booked.txnId(), s.ctx.ids().target("refund", refund).orElseThrow());
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("refund", refund).orElseThrow().status());
        }
    }

    @Test
    void aRefundThatArrivesBeforeItsPaymentIsPostedWaitsForIt() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            String refund = s.gc.createRefund(payment, 2500);
            s.deliverNewEvents();                              // confirmation and refund in one webhook
            assertEquals(SyncStatus.WAITING_FOR_QUICKBOOKS, s.ctx.syncRecords().find("refund", refund).orElseThrow().status());

            s.poll();                                          // one session: the payment, then its refund

            assertEquals(1, s.payments().size());
            assertEquals(1, s.books.refunds().size());
            assertEquals("25.00", s.books.refunds().get(0).totalAmount());
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("refund", refund).orElseThrow().status());
        }
    }

    @Test
    void aRefundAnswerLostAfterQuickBooksRecordedItIsNotRecordedTwice() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();
            s.poll();
            String refund = s.gc.createRefund(payment, 500);
            s.deliverNewEvents();
            s.ctx.quickBooks().loseAnswerOfNext(rq -> rq.purpose().startsWith(RefundFlow.REFUND_STEPS.add()));

            s.poll();
            s.replay(refund);
            s.poll();

            assertEquals(1, s.books.creditMemos().size());
            assertEquals(1, s.books.refunds().size());
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("refund", refund).orElseThrow().status());
        }
    }
}
