package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.money.Money;
import io.mlconnector.systems.gocardless.GoCardlessPayout;
import io.mlconnector.systems.gocardless.GoCardlessPayoutItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The deposit of a payout always adds up to the payout, however GoCardless rounded its fees. */
class PayoutDepositTest {

    @Test
    void feesInFractionsOfAPennyAreTakenAsTheDifferenceToThePayout() {
        // 10.00 + 20.00 − 0.125 − 0.124 − 5.00 refund = 24.751, paid out as 24.75
        GoCardlessPayout payout = new GoCardlessPayout("PO1", Money.ofMinor(2475, "GBP"), Money.ofMinor(25, "GBP"),
                LocalDate.of(2024, 1, 16), "REF", "paid", "merchant", null);
        List<GoCardlessPayoutItem> items = List.of(
                item("payment_paid_out", "1000", "PM1"),
                item("payment_paid_out", "2000", "PM2"),
                item("gocardless_fee", "-12.5", "PM1"),
                item("gocardless_fee", "-12.4", "PM2"),
                new GoCardlessPayoutItem("refund", new BigDecimal("-500"), "GBP", "PM1", "RF1", null));

        PayoutDeposit deposit = PayoutDeposit.of(payout, items);

        assertEquals(List.of("PM1", "PM2"), deposit.paymentIds());
        assertEquals(Money.ofMinor(3000, "GBP"), deposit.paymentTotal());
        assertEquals(Money.ofMinor(25, "GBP"), deposit.fees());
        assertEquals(Money.ofMinor(-500, "GBP"), deposit.adjustments());
        assertEquals(payout.amount(), deposit.total());
    }

    private static GoCardlessPayoutItem item(String type, String minor, String paymentId) {
        return new GoCardlessPayoutItem(type, new BigDecimal(minor), "GBP", paymentId, null, null);
    }
}
