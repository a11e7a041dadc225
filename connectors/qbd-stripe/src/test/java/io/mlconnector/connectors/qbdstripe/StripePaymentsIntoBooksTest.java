package io.mlconnector.connectors.qbdstripe;

import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.testkit.qbd.QbDeposit;
import io.mlconnector.testkit.qbd.QbPayment;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stripe money into QuickBooks Desktop, through the connector, a fake Stripe and a simulated company file. */
class StripePaymentsIntoBooksTest {

    @Test
    void aPaymentIsAppliedToTheCustomersInvoiceOnceWhateverTheDeliveries() {
        try (StripeScenario s = StripeScenario.usd()) {
            String ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "125.00");
            s.stripe.takeNewEvents();
            String pi = s.stripe.succeedPayment(ada, 12_500, "usd", Map.of());

            s.deliverNewEventsTwiceOutOfOrder(); // payment_intent.succeeded, charge.succeeded, each twice
            s.poll();
            s.replayAll();
            s.poll();

            QbPayment payment = s.paymentFor(pi);
            assertEquals("125.00", payment.totalAmount());
            assertEquals("Ada Lovelace", payment.customerFullName());
            assertEquals("Stripe", payment.paymentMethod());
            assertEquals(1, payment.appliedTo().size());
            assertEquals("0.00", s.books.invoiceByRefNumber("1001").orElseThrow().balanceRemaining());
            assertEquals(1, s.books.payments().size(), "one payment, announced by four deliveries and a replay");
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("payment", pi).orElseThrow().status());
        }
    }

    @Test
    void aPartialRefundBecomesACreditMemoAndARefundOfItsAmount() {
        try (StripeScenario s = StripeScenario.usd()) {
            String ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "100.00");
            String pi = s.stripe.succeedPayment(ada, 10_000, "usd", Map.of());
            s.deliverNewEvents();
            s.poll();
            String refund = s.stripe.refund(s.stripe.chargeOf(pi), 2_000);
            s.deliverNewEvents(); // refund.created and charge.refunded
            s.poll();

            assertEquals(1, s.books.refunds().size());
            assertEquals("20.00", s.books.refunds().get(0).totalAmount());
            assertEquals("Stripe Clearing", s.books.refunds().get(0).refundFromAccount());
            assertEquals(1, s.books.creditMemos().size());
            assertEquals("20.00", s.books.creditMemos().get(0).totalAmount());
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("refund", refund).orElseThrow().status());
        }
    }

    @Test
    void aPayoutBecomesOneDepositEqualToItWithTheFeesOnTheirOwnLine() {
        try (StripeScenario s = StripeScenario.usd()) {
            String ada = s.customer("Ada Lovelace", "ada@example.com");
            String alan = s.customer("Alan Turing", "alan@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "100.00");
            s.books.addOpenInvoice("Alan Turing", "2001", "50.00");
            String one = s.stripe.succeedPayment(ada, 10_000, "usd", Map.of());
            String two = s.stripe.succeedPayment(alan, 5_000, "usd", Map.of());
            String po = s.stripe.payout("usd");
            s.deliverNewEventsTwiceOutOfOrder(); // the payout arrives before its payments
            s.poll();

            long payout = s.stripe.object(po).get("amount").asLong();
            assertEquals(15_000 - 320 - 175, payout);
            assertEquals(1, s.books.deposits().size());
            QbDeposit deposit = s.books.deposits().get(0);
            assertEquals("145.05", deposit.total(), "the deposit equals the payout to the cent");
            assertEquals("Checking", deposit.depositToAccount());
            assertEquals(List.of("-4.95"), deposit.lines().stream()
                    .filter(l -> "Stripe Fees".equals(l.accountFullName())).map(QbDeposit.Line::amount).toList());
            assertEquals(2, deposit.lines().stream().filter(l -> l.paymentTxnId() != null).count());
            assertEquals("0.00", s.books.accountBalance("Undeposited Funds"));
            assertTrue(s.paymentFor(one).depositTxnId() != null && s.paymentFor(two).depositTxnId() != null);
        }
    }

    @Test
    void aLostDisputeIsFlaggedAndItsAmountAndFeeLandOnTheClearingAccount() {
        try (StripeScenario s = StripeScenario.usd()) {
            String ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "80.00");
            s.books.addOpenInvoice("Ada Lovelace", "1002", "200.00");
            String disputed = s.stripe.succeedPayment(ada, 8_000, "usd", Map.of());
            String kept = s.stripe.succeedPayment(ada, 20_000, "usd", Map.of());
            s.deliverNewEvents();
            s.poll();
            String dp = s.stripe.dispute(s.stripe.chargeOf(disputed), "fraudulent");
            s.deliverNewEvents();
            s.stripe.closeDispute(dp, false);
            String po = s.stripe.payout("usd");
            s.deliverNewEvents();
            s.poll();

            assertEquals(SyncStatus.NEEDS_ATTENTION, s.ctx.syncRecords().find("dispute", dp).orElseThrow().status());
            assertEquals(2, s.ctx.alerts().about(dp).size(), "one alert when opened, one when lost");
            assertTrue(s.ctx.alerts().about(dp).get(1).subject().contains("lost"));
            QbDeposit deposit = s.books.deposits().get(0);
            assertEquals(s.stripe.object(po).get("amount").asLong(),
                    Math.round(Double.parseDouble(deposit.total()) * 100));
            assertEquals(List.of("-95.00"), deposit.lines().stream()
                    .filter(l -> "Stripe Clearing".equals(l.accountFullName())).map(QbDeposit.Line::amount).toList(),
                    "the disputed 80.00 and the 15.00 dispute fee");
            assertTrue(s.paymentFor(kept).depositTxnId() != null);
        }
    }

    @Test
    void aPaymentInAnotherCurrencyIsHeldNotPosted() {
        try (StripeScenario s = new StripeScenario(Map.of(Keys.BOOKS_CURRENCY, "USD"))) {
            String ada = s.customer("Ada Lovelace", "ada@example.com");
            String pi = s.stripe.succeedPayment(ada, 9_000, "eur", Map.of());
            s.deliverNewEvents();
            s.poll();

            assertEquals(0, s.books.payments().size());
            var record = s.ctx.syncRecords().find("payment", pi).orElseThrow();
            assertEquals(SyncStatus.NEEDS_ATTENTION, record.status());
            assertTrue(record.lastError().contains("EUR"), record.lastError());
        }
    }

    @Test
    void aBadSignatureIsRefusedAndAThrottleOnlyDelaysThePayment() {
        try (StripeScenario s = StripeScenario.usd()) {
            String ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "30.00");
            s.stripe.takeNewEvents();
            String pi = s.stripe.succeedPayment(ada, 3_000, "usd", Map.of());
            var events = s.stripe.takeNewEvents();

            WebhookResult forged = s.receive("{\"id\":\"evt_x\",\"object\":\"event\",\"type\":\"payout.paid\"}"
                    .getBytes(StandardCharsets.UTF_8), "t=1,v1=00");
            assertEquals(400, assertInstanceOf(WebhookResult.Rejected.class, forged).status());

            WebhookResult ok = s.receive(events.get(1));
            var event = ((WebhookResult.Accepted) ok).events().get(0);
            s.stripe.throttleNext(10, null);
            assertThrows(RetryLater.class, () -> s.connector.handle(event, s.ctx));
            assertThrows(RetryLater.class, () -> s.connector.handle(event, s.ctx));
            s.stripe.throttleNext(0, null);
            s.connector.handle(event, s.ctx); // the platform's retry, once Stripe serves again
            s.poll();

            assertEquals(1, s.books.payments().size());
            assertEquals("30.00", s.paymentFor(pi).totalAmount());
        }
    }
}
