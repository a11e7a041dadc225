package io.mlconnector.api.payout;

import io.mlconnector.api.money.Money;

import java.util.Objects;

/**
 * One part of a payout.
 *
 * @param type        what it is
 * @param sourceId    the payments system's id of the object (payment, refund…), or null for a fee total
 * @param amount      signed as it affects the payout: payments positive, refunds and fees negative
 * @param recordKind  the kind of the sync record that carries this object into the books (the
 *                    {@code kind} given to {@code SyncRecords.open}), so people can follow the link and
 *                    the platform can tell whether it is in the books yet; null when no record carries it
 * @param description for people, e.g. "Payment from Bright Paws Ltd"; may be null
 */
public record PayoutItem(Type type, String sourceId, Money amount, String recordKind, String description) {

    /** What a part of a payout is. */
    public enum Type {
        /** Money collected from a customer. */
        PAYMENT,
        /** Money given back to a customer. */
        REFUND,
        /** What the payments system kept for its service (negative), or gave back (positive). */
        FEE,
        /** Anything else: charge-backs, reversals, returned funds, surcharges. */
        OTHER
    }

    public PayoutItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
    }

    public static PayoutItem payment(String paymentId, Money amount, String recordKind, String description) {
        return new PayoutItem(Type.PAYMENT, paymentId, amount, recordKind, description);
    }

    public static PayoutItem refund(String refundId, Money amount, String recordKind, String description) {
        return new PayoutItem(Type.REFUND, refundId, amount.minorUnits() > 0 ? amount.negate() : amount, recordKind, description);
    }

    /** Fees kept back, given as a positive amount; stored negative, as they reduce the payout. */
    public static PayoutItem fees(Money kept, String description) {
        return new PayoutItem(Type.FEE, null, kept.negate(), null, description);
    }

    public static PayoutItem other(String sourceId, Money amount, String description) {
        return new PayoutItem(Type.OTHER, sourceId, amount, null, description);
    }
}
