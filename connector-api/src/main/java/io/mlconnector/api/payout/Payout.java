package io.mlconnector.api.payout;

import io.mlconnector.api.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A payout a payments system made to the company's bank, with everything it contains, as the
 * connector read it from that system. The bank statement shows {@link #amount()}; the items explain
 * it: payments in, refunds and charge-backs out, fees kept back.
 *
 * @param id            the payments system's own id, e.g. {@code PO123} or {@code po_1Nx…}
 * @param date          the day the money reaches the bank (or was sent, if the system gives no arrival date)
 * @param amount        what reaches the bank, in the payout's currency
 * @param bankReference what the bank statement shows, or null
 * @param items         what the payout is made of, in the system's order; their amounts, signed as they
 *                      affect the payout, add up to {@code amount} up to the system's own rounding
 */
public record Payout(String id, LocalDate date, Money amount, String bankReference, List<PayoutItem> items) {

    public Payout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        items = List.copyOf(items);
        for (PayoutItem item : items) {
            if (!item.amount().currency().equals(amount.currency())) {
                throw new IllegalArgumentException("Payout " + id + " is in " + amount.currency()
                        + " but holds an item in " + item.amount().currency());
            }
        }
    }

    /** What the items add up to; differs from {@link #amount()} only by the system's rounding. */
    public Money itemsTotal() {
        Money total = Money.ofMinor(0, amount.currency());
        for (PayoutItem item : items) {
            total = total.plus(item.amount());
        }
        return total;
    }
}
