package io.mlconnector.connectors.qbdstripe;

import io.mlconnector.api.money.Money;
import io.mlconnector.systems.stripe.StripeBalanceTransaction;
import io.mlconnector.systems.stripe.StripePayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The QuickBooks deposit a Stripe payout becomes: the payments it carries at their full amounts, the
 * processing fees Stripe kept on them as one negative line on the fee account, and everything else
 * it carries (refunds, disputed amounts and their fees, adjustments) as one line on the clearing
 * account, signed as it moved the balance. Built from the payout's balance transactions, its own
 * entry left out; {@link #balances()} says whether it adds up to the payout to the cent.
 */
record PayoutDeposit(StripePayout payout, List<StripeBalanceTransaction> payments, Money fees, Money others,
                     Set<String> otherKinds) {

    static PayoutDeposit of(StripePayout payout, List<StripeBalanceTransaction> transactions) {
        String currency = payout.amount().currency();
        List<StripeBalanceTransaction> payments = new ArrayList<>();
        Money fees = Money.ofMinor(0, currency);
        Money others = Money.ofMinor(0, currency);
        Set<String> kinds = new TreeSet<>();
        for (StripeBalanceTransaction t : transactions) {
            if (t.isPayoutItself()) {
                continue;
            }
            if (t.isPayment()) {
                payments.add(t);
                fees = fees.plus(t.fee());
            } else {
                others = others.plus(t.net());
                kinds.add(t.reportingCategory() != null ? t.reportingCategory() : t.type());
            }
        }
        return new PayoutDeposit(payout, List.copyOf(payments), fees, others, kinds);
    }

    List<String> paymentKeys() {
        return payments.stream().map(StripeBalanceTransaction::paymentKey).toList();
    }

    Money paymentTotal() {
        Money total = Money.ofMinor(0, payout.amount().currency());
        for (StripeBalanceTransaction p : payments) {
            total = total.plus(p.amount());
        }
        return total;
    }

    Money total() {
        return paymentTotal().minus(fees).plus(others);
    }

    /** True when the deposit equals the payout; otherwise a person must look before anything is posted. */
    boolean balances() {
        return total().equals(payout.amount());
    }
}
