package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.money.Money;
import io.mlconnector.api.payout.Payout;
import io.mlconnector.api.payout.PayoutItem;
import io.mlconnector.testkit.context.InMemoryPayouts;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.qbd.QbDeposit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A GoCardless payout becomes one QuickBooks deposit that matches the bank statement line. */
class PayoutsTest {

    @Test
    void aPayoutWithFeesBecomesOneDepositOfThePayoutAmount() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            CustomerWithMandate alan = s.customer("Alan Turing", "alan@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            s.books.addOpenInvoice("Alan Turing", "2001", "40.00");
            String one = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            String two = s.gc.createPayment(alan.mandateId(), 4000, "GBP");
            s.gc.confirmPayment(one);
            s.gc.confirmPayment(two);
            s.deliverNewEvents();
            s.poll();

            String payout = s.gc.payout("GBP").payment(one, 20).payment(two, 30).create();
            s.deliverNewEvents();
            s.poll();

            long payoutAmount = s.gc.payoutResource(payout).path("amount").asLong();
            assertEquals(6450, payoutAmount);
            List<QbDeposit> deposits = s.books.deposits();
            assertEquals(1, deposits.size());
            QbDeposit deposit = deposits.get(0);
            assertEquals("64.50", deposit.total(), "the deposit equals the payout");
            assertEquals("Checking", deposit.depositToAccount());
            assertTrue(deposit.memo().contains(payout), deposit.memo());
            Set<String> deposited = deposit.lines().stream().map(QbDeposit.Line::paymentTxnId)
                    .filter(t -> t != null).collect(Collectors.toSet());
            assertEquals(Set.of(s.paymentFor(one).txnId(), s.paymentFor(two).txnId()), deposited);
            List<QbDeposit.Line> fees = deposit.lines().stream()
                    .filter(l -> "GoCardless Fees".equals(l.accountFullName())).toList();
            assertEquals(1, fees.size());
            assertEquals("-0.50", fees.get(0).amount());
            assertEquals("0.00", s.books.accountBalance("Undeposited Funds"));
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("payout", payout).orElseThrow().status());
            assertEquals(deposit.txnId(), s.ctx.ids().target("payout", payout).orElseThrow());

            Payout reported = s.ctx.payouts().find(payout).orElseThrow();
            assertEquals(Money.ofMinor(6450, "GBP"), reported.amount());
            assertEquals(List.of(PayoutItem.payment(one, Money.ofMinor(2500, "GBP"), "payment", null),
                    PayoutItem.payment(two, Money.ofMinor(4000, "GBP"), "payment", null)),
                    reported.items().stream().filter(i -> i.type() == PayoutItem.Type.PAYMENT).toList(),
                    "the payments it contains, with the records that carry them");
            assertEquals(reported.amount(), reported.itemsTotal(), "payments less fees make the payout");
            assertEquals(new InMemoryPayouts.Deposit(deposit.txnId(), Money.ofMinor(6450, "GBP")),
                    s.ctx.payouts().deposit(payout).orElseThrow(), "the deposit and its total as QuickBooks holds it");

            s.replayAll();
            s.poll();
            assertEquals(1, s.books.deposits().size(), "a replayed payout is not deposited twice");
        }
    }

    @Test
    void paymentsPostedWhenPaidOutAndTheirPayoutArriveTogether() {
        try (Scenario s = Scenario.gbp(Map.of(Keys.POSTING_MOMENT, "paid_out"))) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            s.deliverNewEvents();
            s.poll();
            assertEquals(0, s.payments().size(), "confirmed is not yet the posting moment");

            s.gc.payout("GBP").payment(payment, 20).create();
            s.deliverNewEvents();
            s.poll();

            assertEquals(1, s.payments().size());
            assertEquals(1, s.books.deposits().size());
            assertEquals("24.80", s.books.deposits().get(0).total());
        }
    }

    @Test
    void refundsAndFractionalFeesInAPayoutStillAddUpToThePayout() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            s.books.addOpenInvoice("Ada Lovelace", "1002", "30.00");
            String first = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            String second = s.gc.createPayment(ada.mandateId(), 3000, "GBP");
            s.gc.confirmPayment(first);
            s.gc.confirmPayment(second);
            s.gc.payout("GBP").payment(first, 20).create();
            s.deliverNewEvents();
            s.poll();
            String refund = s.gc.createRefund(first, 500);
            String payout = s.gc.payout("GBP").payment(second)
                    .item("gocardless_fee", new BigDecimal("-12.5"), second, null)
                    .item("gocardless_fee", new BigDecimal("-12.4"), second, null)
                    .refund(refund).create();
            s.deliverNewEvents();
            s.poll();

            long payoutAmount = s.gc.payoutResource(payout).path("amount").asLong();
            QbDeposit deposit = s.books.deposits().stream().filter(d -> d.memo().contains(payout)).findFirst()
                    .orElseThrow();
            assertEquals(BigDecimal.valueOf(payoutAmount, 2).toPlainString(), deposit.total());
            assertTrue(deposit.lines().stream().anyMatch(l -> "GoCardless Clearing".equals(l.accountFullName())
                    && "-5.00".equals(l.amount())), deposit.lines().toString());
            assertEquals("0.00", s.books.accountBalance("GoCardless Clearing"),
                    "the refund paid from the clearing account is settled by the payout");
            Payout reported = s.ctx.payouts().find(payout).orElseThrow();
            assertEquals(List.of(PayoutItem.Type.PAYMENT, PayoutItem.Type.REFUND, PayoutItem.Type.FEE),
                    reported.items().stream().map(PayoutItem::type).toList());
            assertEquals(Money.ofMinor(-500, "GBP"), reported.items().get(1).amount(), "a refund reduces the payout");
            assertEquals(Money.ofMinor(-25, "GBP"), reported.items().get(2).amount(), "fees of 12.5p and 12.4p round to 25p");
        }
    }
}
