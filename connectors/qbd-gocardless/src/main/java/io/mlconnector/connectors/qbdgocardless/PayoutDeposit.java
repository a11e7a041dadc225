package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.money.Money;
import io.mlconnector.systems.gocardless.GoCardlessPayout;
import io.mlconnector.systems.gocardless.GoCardlessPayoutItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The QuickBooks deposit a GoCardless payout becomes: the payments it pays out, the fees GoCardless
 * kept (one negative line on the fee account), and everything else it deducted or added (refunds,
 * charge-backs, returned funds: one line on the clearing account). The fee line takes whatever is
 * needed for the deposit to equal the payout to the penny, since GoCardless computes some fees in
 * fractions of a penny and rounds the payout as a whole.
 *
 * @param payments    the payments paid out, with their amounts, in GoCardless's order
 * @param fees        the fees kept back, as a positive amount (negative if GoCardless gave fees back)
 * @param adjustments the sum of the other items, signed as they affect the payout
 * @param adjustmentTypes the kinds of those other items, for the line's memo
 */
record PayoutDeposit(GoCardlessPayout payout, List<PaidPayment> payments, Money fees, Money adjustments,
                     Set<String> adjustmentTypes) {

    /** One payment of the payout. */
    record PaidPayment(String paymentId, Money amount) {
    }

    static PayoutDeposit of(GoCardlessPayout payout, List<GoCardlessPayoutItem> items) {
        String currency = payout.currency();
        List<PaidPayment> payments = new ArrayList<>();
        long paymentTotal = 0;
        BigDecimal others = BigDecimal.ZERO;
        Set<String> otherTypes = new TreeSet<>();
        for (GoCardlessPayoutItem item : items) {
            if ("payment_paid_out".equals(item.type()) && item.paymentId() != null) {
                Money amount = item.amount();
                payments.add(new PaidPayment(item.paymentId(), amount));
                paymentTotal = Math.addExact(paymentTotal, amount.minorUnits());
            } else if (!item.isFee()) {
                others = others.add(item.exactMinorUnits());
                otherTypes.add(item.type());
            }
        }
        long adjustments = others.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        // payout = payments + adjustments − fees, exactly, whatever rounding GoCardless applied to fees.
        long fees = paymentTotal + adjustments - payout.amount().minorUnits();
        return new PayoutDeposit(payout, List.copyOf(payments), Money.ofMinor(fees, currency),
                Money.ofMinor(adjustments, currency), otherTypes);
    }

    List<String> paymentIds() {
        return payments.stream().map(PaidPayment::paymentId).toList();
    }

    Money paymentTotal() {
        Money total = Money.ofMinor(0, payout.currency());
        for (PaidPayment p : payments) {
            total = total.plus(p.amount());
        }
        return total;
    }

    /** What the deposit adds up to: always the payout's amount. */
    Money total() {
        return paymentTotal().minus(fees).plus(adjustments);
    }
}
