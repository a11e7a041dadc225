package io.mlconnector.platform.payouts;

import io.mlconnector.api.money.Money;
import io.mlconnector.api.payout.PayoutItem;

import java.util.function.Function;

/**
 * The one sentence a person reconciling their bank needs about a payout: whether the deposit in the
 * books matches what reached the bank, and if not, what it waits for or by how much it differs.
 *
 * @param state  for the page's tone and for filtering
 * @param text   e.g. "Matches the bank: £1,204.33"
 * @param detail what to do or what explains it; may be empty
 */
public record PayoutVerdict(State state, String text, String detail) {

    public enum State { MATCHES, WAITING, DIFFERS }

    /**
     * @param books    the books' name, e.g. "QuickBooks Desktop"
     * @param payments the payments system's name, as its connector's spec gives it
     * @param amount formats money for people, e.g. "£1,204.33"
     */
    public static PayoutVerdict of(PayoutStore.Stored payout, String books, String payments, Function<Money, String> amount) {
        Money rounding = payout.amount().minus(itemsTotal(payout));
        String roundingNote = rounding.isZero() || payout.items().isEmpty() ? ""
                : payments + " rounded its fees: the fee line takes " + amount.apply(abs(rounding)) + ".";
        if (payout.depositId() != null) {
            Money difference = payout.depositTotal().minus(payout.amount());
            if (difference.isZero()) {
                return new PayoutVerdict(State.MATCHES, "Matches the bank: " + amount.apply(payout.amount()), roundingNote);
            }
            return new PayoutVerdict(State.DIFFERS, "Differs by " + amount.apply(abs(difference)) + ": the deposit in " + books
                    + " is " + amount.apply(payout.depositTotal()) + ", the bank received " + amount.apply(payout.amount()),
                    "Open the deposit in " + books + " and correct its lines, e.g. the fee line for rounding.");
        }
        long missing = payout.items().stream()
                .filter(i -> i.recordKind() != null && (i.type() == PayoutItem.Type.PAYMENT || i.type() == PayoutItem.Type.REFUND))
                .filter(i -> !i.inTheBooks()).count();
        long missingPayments = payout.items().stream()
                .filter(i -> i.type() == PayoutItem.Type.PAYMENT && i.recordKind() != null && !i.inTheBooks()).count();
        if (missing > 0) {
            String what = missing == missingPayments ? plural(missing, "payment", "payments")
                    : missingPayments == 0 ? plural(missing, "refund", "refunds") : plural(missing, "item", "items");
            return new PayoutVerdict(State.WAITING, "Waiting for " + what + " to reach " + books,
                    "The deposit is made once they are in " + books + ". Items that need you are listed under Needs attention.");
        }
        return new PayoutVerdict(State.WAITING, "Waiting for the deposit to reach " + books,
                "Everything it contains is in " + books + "; the deposit goes in at the next sync.");
    }

    private static Money itemsTotal(PayoutStore.Stored payout) {
        Money total = Money.ofMinor(0, payout.amount().currency());
        for (PayoutStore.Item item : payout.items()) {
            total = total.plus(item.amount());
        }
        return total;
    }

    private static Money abs(Money money) {
        return money.minorUnits() < 0 ? money.negate() : money;
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? "1 " + one : n + " " + many;
    }
}
