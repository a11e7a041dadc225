package io.mlconnector.systems.stripe;

/** A webhook body that is not one Stripe v1 event. */
public final class StripeEventParseException extends RuntimeException {
    public StripeEventParseException(String message) {
        super(message);
    }
}
