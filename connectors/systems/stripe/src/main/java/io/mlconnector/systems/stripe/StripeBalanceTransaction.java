package io.mlconnector.systems.stripe;

import io.mlconnector.api.money.Money;

/**
 * One movement of the Stripe balance within a payout: a charge (with its processing fee), a refund,
 * a dispute withdrawal and its fee, an adjustment, or the payout itself.
 *
 * @param type              Stripe's type: {@code charge}, {@code payment}, {@code refund}, {@code adjustment}, {@code payout}, …
 * @param reportingCategory e.g. {@code charge}, {@code refund}, {@code dispute}, {@code payout}
 * @param sourceId          the object that moved the money ({@code ch_…}, {@code re_…}, {@code dp_…}, {@code po_…})
 * @param paymentIntentId   for a charge, the payment intent it belongs to, else null
 */
public record StripeBalanceTransaction(String id, String type, String reportingCategory, Money amount, Money fee,
                                       Money net, String sourceId, String paymentIntentId) {

    /** The payout's own entry, which is left out when the payout's contents are added up. */
    public boolean isPayoutItself() {
        return "payout".equals(type) || "payout".equals(reportingCategory);
    }

    /** A customer's payment, whose fee Stripe keeps. */
    public boolean isPayment() {
        return "charge".equals(type) || "payment".equals(type);
    }

    /** The key of the payment this entry pays in: its payment intent, or its charge. */
    public String paymentKey() {
        return paymentIntentId != null ? paymentIntentId : sourceId;
    }
}
