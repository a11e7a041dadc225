package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.gocardless.connector.GoCardlessEventPoller;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenants without webhooks get their payments from GoCardless's event list instead. */
class EventPollingTest {

    @Test
    void pollingPicksUpCollectionsMadeAfterTheFirstRun() {
        try (Scenario s = Scenario.gbp(Map.of(Keys.EVENT_SOURCE, "polling"))) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            s.connector.runSchedule(QbdGoCardlessSpec.POLL_EVENTS, s.ctx);   // starts from the newest event
            assertTrue(s.ctx.cursors().get(GoCardlessEventPoller.CURSOR).isPresent());

            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.connector.runSchedule(QbdGoCardlessSpec.POLL_EVENTS, s.ctx);
            s.connector.runSchedule(QbdGoCardlessSpec.POLL_EVENTS, s.ctx);   // nothing new the second time
            s.poll();

            assertEquals(1, s.payments().size());
            assertEquals("25.00", s.paymentFor(payment).totalAmount());
        }
    }

    @Test
    void anEventDeliveredByWebhookAndReadAgainByThePollIsHandledOnce() {
        try (Scenario s = Scenario.gbp(Map.of(Keys.EVENT_SOURCE, "both"))) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.connector.runSchedule(QbdGoCardlessSpec.POLL_EVENTS, s.ctx);   // starts from the newest event
            String first = s.gc.createPayment(ada.mandateId(), 1000, "GBP");
            s.gc.confirmPayment(first);
            s.deliverNewEvents();
            s.poll();                                                         // Ada's QuickBooks customer is known now

            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();
            s.connector.runSchedule(QbdGoCardlessSpec.POLL_EVENTS, s.ctx);  // reads both payments' events again
            s.poll();

            assertEquals(2, s.payments().size());
            assertEquals(1, s.ctx.audit().steps(payment).stream().filter("payment.read"::equals).count(),
                    "the payment's confirmation was handled once, not once per way it arrived");
            assertTrue(s.ctx.inbox().events().stream().anyMatch(e -> e.objectId().equals(payment)),
                    "the poll offered it to the inbox");
        }
    }

    @Test
    void connectionsReceivingWebhooksDoNotPoll() {
        try (Scenario s = Scenario.gbp()) {
            s.gc.clearRequests();

            s.connector.runSchedule(QbdGoCardlessSpec.POLL_EVENTS, s.ctx);

            assertEquals(0, s.gc.countRequests("GET", "/events"));
        }
    }
}
