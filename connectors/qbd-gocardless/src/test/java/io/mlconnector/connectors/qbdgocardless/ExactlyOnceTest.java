package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.gocardless.FakeGoCardlessEvent;
import io.mlconnector.testkit.qbd.QbInvoice;
import io.mlconnector.testkit.qbd.QbLink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Duplicated, replayed and reordered events, and lost answers, never post a payment twice. */
class ExactlyOnceTest {

    @Test
    void theSameBatchAgainPostsNothingNew() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            s.books.addOpenInvoice("Ada Lovelace", "1002", "30.00");
            String one = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            String two = s.gc.createPayment(ada.mandateId(), 3000, "GBP");
            s.gc.confirmPayment(one);
            s.gc.confirmPayment(two);
            List<FakeGoCardlessEvent> batch = s.gc.takeNewEvents();
            s.deliver(batch);
            s.poll();
            assertEquals(2, s.payments().size());

            s.deliver(batch);          // GoCardless resends the webhook
            s.replayAll();             // and a person replays every event
            s.poll();

            assertEquals(2, s.payments().size());
            s.paymentFor(one);
            s.paymentFor(two);
            assertTrue(s.ctx.audit().steps(one).contains("payment.already-posted"));
        }
    }

    @Test
    void eventsArrivingNewestFirstEndTheSame() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            QbInvoice invoice = s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.gc.payout("GBP").payment(payment, 20).create();   // paid_out, then the payout
            List<FakeGoCardlessEvent> events = new ArrayList<>(s.gc.takeNewEvents());
            Collections.reverse(events);

            for (FakeGoCardlessEvent event : events) {
                s.deliver(List.of(event));                    // one webhook per event, newest first
            }
            s.poll();

            assertEquals(1, s.payments().size());
            assertEquals(List.of(invoice.txnId()), s.paymentFor(payment).appliedTo().stream().map(QbLink::txnId).toList());
            assertEquals(1, s.books.deposits().size(), "the payout is deposited once its payment is in");
        }
    }

    @Test
    void anAnswerLostAfterQuickBooksPostedThePaymentDoesNotPostItTwice() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();
            s.ctx.quickBooks().loseAnswerOfNext(rq -> rq.purpose().startsWith(PaymentFlow.STEPS.add()));

            assertTrue(s.poll().killed());
            assertEquals(1, s.payments().size(), "QuickBooks carried the payment out");
            assertEquals(SyncStatus.WAITING_FOR_QUICKBOOKS, s.ctx.syncRecords().find("payment", payment).orElseThrow().status());

            s.replayAll();                                     // meanwhile the event is replayed, too
            s.poll();                                          // the next session learns the answer was lost

            assertEquals(1, s.payments().size());
            assertEquals(s.paymentFor(payment).txnId(), s.ctx.ids().target("payment", payment).orElseThrow());
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("payment", payment).orElseThrow().status());
            List<String> steps = s.ctx.audit().steps(payment);
            assertTrue(steps.contains("payment.answer-lost"), steps.toString());
            assertTrue(steps.contains("payment.found-in-quickbooks"), steps.toString());
        }
    }

    @Test
    void aRequestLostBeforeQuickBooksSawItIsSentAgain() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();
            // The session dies on the search before the add: the add was never sent.
            s.ctx.quickBooks().loseAnswerOfNext(rq -> rq.purpose().startsWith(PaymentFlow.STEPS.search()));

            s.poll();
            assertEquals(0, s.payments().size());
            s.poll();

            assertEquals(1, s.payments().size());
            assertEquals("25.00", s.paymentFor(payment).totalAmount());
        }
    }

    @Test
    void twoEventsAboutOnePaymentHandledBeforeAnyPollPostItOnce() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.ctx.ids().replace("customer", ada.customerId(), s.qbCustomer("Ada Lovelace").listId());
            s.gc.payout("GBP").payment(payment).create();
            s.deliverNewEvents();                              // confirmed and paid_out, both say "post"

            List<QuickBooksRequest> queued = s.ctx.quickBooks().waiting();
            assertEquals(1, queued.stream().filter(rq -> payment.equals(rq.correlation())).count(),
                    "one chain per payment");
            s.poll();

            assertEquals(1, s.payments().size());
        }
    }
}
