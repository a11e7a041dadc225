package io.mlconnector.systems.gocardless;

import io.mlconnector.api.money.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One credit or debit that makes up a payout.
 *
 * <p>GoCardless sends the amount as a string of minor units with a decimal part, e.g. "1000.0" or
 * "-12.5": it records some fees more precisely than money can be paid, then rounds the payout as a
 * whole. {@link #exactMinorUnits()} keeps that value; {@link #amount()} is the Money when it is a
 * whole number of minor units and refuses to round otherwise.
 *
 * @param type           payment_paid_out, payment_failed, payment_charged_back, payment_refunded,
 *                       refund, refund_funds_returned, gocardless_fee, app_fee, revenue_share,
 *                       surcharge_fee...
 * @param exactMinorUnits signed: credits positive, debits (fees, refunds, chargebacks) negative
 */
public record GoCardlessPayoutItem(String type, BigDecimal exactMinorUnits, String currency, String paymentId,
                                   String refundId, String mandateId) {

    public GoCardlessPayoutItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(exactMinorUnits, "exactMinorUnits");
        Objects.requireNonNull(currency, "currency");
    }

    public boolean isWholeMinorUnits() {
        return exactMinorUnits.stripTrailingZeros().scale() <= 0;
    }

    /** The amount as Money; throws for a fractional amount rather than rounding it silently. */
    public Money amount() {
        if (!isWholeMinorUnits()) {
            throw new ArithmeticException("Payout item " + type + " of " + exactMinorUnits.toPlainString() + " "
                    + currency + " minor units is not a whole number of minor units");
        }
        return Money.ofMinor(exactMinorUnits.longValueExact(), currency);
    }

    public boolean isFee() {
        return type.endsWith("_fee");
    }
}
