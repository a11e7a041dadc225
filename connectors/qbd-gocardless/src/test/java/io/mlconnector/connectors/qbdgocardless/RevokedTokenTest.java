package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.systems.gocardless.connector.GoCardlessEventPoller;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.systems.gocardless.GoCardlessApiException;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.qbd.QbInvoice;
import io.mlconnector.testkit.qbd.QbLink;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When GoCardless refuses the access token, the work stops with "needs reconnect" (the platform
 * keeps it and tells people once) instead of failing payment by payment, and runs once a new token
 * is entered. The token never appears in what people read.
 */
class RevokedTokenTest {

    private static final String NEW_TOKEN = "sandbox_rotated_0123456789abcdef";

    @Test
    void aRevokedTokenStopsEventHandlingAndThePaymentPostsOnceANewTokenIsEntered() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            QbInvoice invoice = s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            s.deliverNewEvents();
            s.poll();                                        // Ada is matched
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            String oldToken = s.gc.accessToken();
            s.gc.revokeAllAccessTokens();

            CredentialsRejected refused = assertThrows(CredentialsRejected.class, s::deliverNewEvents);

            assertEquals("gocardless", refused.system());
            assertEquals("GoCardless refused the access token: The access token was not recognised", refused.getMessage());
            assertFalse(refused.getMessage().contains(oldToken));
            assertEquals(CredentialsRejected.WAIT, refused.after(), "tried again later, not parked as failed");
            assertTrue(s.ctx.syncRecords().find("payment", payment).isEmpty(), "no record failed because of the token");
            assertEquals(0, s.ctx.quickBooks().size());

            // A person enters a new token; the platform runs the waiting event again.
            s.gc.acceptAccessToken(NEW_TOKEN);
            s.ctx.credentials().set(Keys.ACCESS_TOKEN, NEW_TOKEN);
            s.replay(payment);
            s.poll();

            assertEquals(List.of(invoice.txnId()), s.paymentFor(payment).appliedTo().stream().map(QbLink::txnId).toList());
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("payment", payment).orElseThrow().status());
        }
    }

    @Test
    void aScheduledReadOfGoCardlessEventsStopsWithoutMovingItsPosition() {
        try (Scenario s = Scenario.gbp(Map.of(Keys.EVENT_SOURCE, "polling"))) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.connector.runSchedule(QbdGoCardlessSpec.POLL_EVENTS, s.ctx);
            String position = s.ctx.cursors().get(GoCardlessEventPoller.CURSOR).orElseThrow();
            s.gc.confirmPayment(s.gc.createPayment(ada.mandateId(), 2500, "GBP"));
            s.gc.revokeAllAccessTokens();

            CredentialsRejected refused = assertThrows(CredentialsRejected.class,
                    () -> s.connector.runSchedule(QbdGoCardlessSpec.POLL_EVENTS, s.ctx));

            assertTrue(refused.getMessage().startsWith("GoCardless refused the access token"), refused.getMessage());
            assertEquals(position, s.ctx.cursors().get(GoCardlessEventPoller.CURSOR).orElseThrow());
        }
    }

    @Test
    void aQuickBooksAnswerThatNeedsGoCardlessStopsInsteadOfHoldingThePaymentForAPerson() {
        try (Scenario s = Scenario.gbp()) {
            s.books.addCustomer("Lovelace Consulting Ltd", "accounts@lovelace.example");
            CustomerWithMandate ada = s.gc.createCustomerWithActiveMandate(
                    CustomerDetails.person("Ada", "Lovelace", "ada@example.com"));
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();                            // the customer lookup is queued
            s.gc.revokeAllAccessTokens();

            // No QuickBooks customer matches: describing the payer to the person needs GoCardless.
            assertThrows(CredentialsRejected.class, s::poll);

            assertEquals(SyncStatus.WAITING_FOR_QUICKBOOKS, s.ctx.syncRecords().find("payment", payment).orElseThrow().status(),
                    "not held for a person because of the token");
        }
    }

    @Test
    void theReverseFlowStopsAtTheRefusalInsteadOfSkippingEveryInvoice() {
        try (Scenario s = Scenario.gbp(Map.of(Keys.REVERSE_FLOW, "true"))) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.ctx.ids().replace("customer", ada.customerId(), s.qbCustomer("Ada Lovelace").listId());
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            s.connector.runSchedule(QbdGoCardlessSpec.REVERSE_FLOW, s.ctx);
            s.gc.revokeAllAccessTokens();

            assertThrows(CredentialsRejected.class, s::poll);

            assertFalse(s.ctx.audit().steps(ReverseFlow.CORRELATION).contains("reverse.payment-not-created"),
                    s.ctx.audit().steps(ReverseFlow.CORRELATION).toString());
        }
    }

    @Test
    void aTokenWithoutTheRightsIsRefusedInGoCardlessWords() {
        GoCardlessApiException forbidden = new GoCardlessApiException("reading payment PM1: GoCardless answered 403",
                403, "invalid_api_usage", List.of(new GoCardlessApiException.Problem("insufficient_permissions", null,
                "The access token you are using does not have the required permissions")), "RQ1", null);

        CredentialsRejected refused = assertThrows(CredentialsRejected.class,
                () -> GoCardlessCalls.call(() -> { throw forbidden; }));

        assertEquals("gocardless", refused.system());
        assertEquals("GoCardless refused the access token: The access token you are using does not have the required "
                + "permissions (the token needs read-write access)", refused.getMessage());
    }
}
