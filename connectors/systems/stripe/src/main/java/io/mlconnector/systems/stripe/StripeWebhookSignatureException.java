package io.mlconnector.systems.stripe;

/** A webhook whose {@code Stripe-Signature} does not prove it came from Stripe; the reason names no secret. */
public final class StripeWebhookSignatureException extends RuntimeException {
    public StripeWebhookSignatureException(String message) {
        super(message);
    }
}
