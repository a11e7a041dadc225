package io.mlconnector.systems.gocardless;

/**
 * The outcome of creating a payment with an idempotency key.
 *
 * @param alreadyExisted true when GoCardless answered idempotent_creation_conflict: the key had
 *                       created this payment before (an earlier attempt whose answer was lost), so
 *                       nothing new was collected
 */
public record GoCardlessPaymentCreation(GoCardlessPayment payment, boolean alreadyExisted) {
}
