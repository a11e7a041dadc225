package io.mlconnector.platform.payouts;

import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.money.Money;
import io.mlconnector.api.payout.PayoutItem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PayoutVerdictTest {

    static final UUID CONNECTION = UUID.randomUUID();

    static PayoutStore.Item payment(String id, long pence, SyncStatus status) {
        return new PayoutStore.Item(PayoutItem.Type.PAYMENT, id, "payment", gbp(pence), null, UUID.randomUUID(), status, null);
    }

    static PayoutStore.Item fees(long pence) {
        return new PayoutStore.Item(PayoutItem.Type.FEE, null, null, gbp(pence), "GoCardless fees", null, null, null);
    }

    static Money gbp(long pence) {
        return Money.ofMinor(pence, "GBP");
    }

    static String pounds(Money money) {
        return "£" + money.toDecimalString();
    }

    static PayoutVerdict verdict(long amount, String depositId, Long depositTotal, PayoutStore.Item... items) {
        return PayoutVerdict.of(new PayoutStore.Stored(CONNECTION, "PO1", LocalDate.of(2026, 12, 1), gbp(amount), "REF",
                depositId, depositTotal == null ? null : gbp(depositTotal), List.of(items)), "QuickBooks Desktop", "GoCardless",
                PayoutVerdictTest::pounds);
    }

    @Test
    void aDepositOfThePayoutsAmountMatchesTheBank() {
        PayoutVerdict v = verdict(6450, "TX-9", 6450L, payment("PM1", 2500, SyncStatus.DONE), payment("PM2", 4000, SyncStatus.DONE), fees(-50));
        assertEquals(PayoutVerdict.State.MATCHES, v.state());
        assertEquals("Matches the bank: £64.50", v.text());
        assertEquals("", v.detail());
    }

    @Test
    void paymentsNotYetInTheBooksAreCountedWhileTheDepositWaits() {
        PayoutVerdict v = verdict(6450, null, null, payment("PM1", 2500, SyncStatus.WAITING_FOR_QUICKBOOKS),
                payment("PM2", 4000, SyncStatus.NEEDS_ATTENTION), fees(-50));
        assertEquals(PayoutVerdict.State.WAITING, v.state());
        assertEquals("Waiting for 2 payments to reach QuickBooks Desktop", v.text());
        assertEquals("Waiting for 1 payment to reach QuickBooks Desktop",
                verdict(2450, null, null, payment("PM1", 2500, null), fees(-50)).text(), "a payment never received counts too");
        assertEquals("Waiting for the deposit to reach QuickBooks Desktop",
                verdict(2450, null, null, payment("PM1", 2500, SyncStatus.DONE), fees(-50)).text());
    }

    @Test
    void aDepositThatDiffersSaysByHowMuchAndExplainsFeeRounding() {
        PayoutVerdict v = verdict(6450, "TX-9", 6448L, payment("PM1", 6500, SyncStatus.DONE), fees(-50));
        assertEquals(PayoutVerdict.State.DIFFERS, v.state());
        assertEquals("Differs by £0.02: the deposit in QuickBooks Desktop is £64.48, the bank received £64.50", v.text());
        PayoutVerdict rounded = verdict(6451, "TX-9", 6451L, payment("PM1", 6500, SyncStatus.DONE), fees(-50));
        assertEquals("Matches the bank: £64.51", rounded.text());
        assertEquals("GoCardless rounded its fees: the fee line takes £0.01.", rounded.detail());
    }
}
