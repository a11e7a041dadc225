package io.mlconnector.systems.stripe;

import io.mlconnector.api.money.Money;

import java.time.Instant;
import java.util.Map;

/**
 * A card or bank payment as Stripe holds it now, whether it was reached through its payment intent
 * or its charge. {@link #key()} is the same both ways, so one payment is posted once.
 *
 * @param status   the payment intent's status ({@code succeeded}, …), or the charge's if it has none
 * @param refunded how much of it has been refunded so far
 */
public record StripePayment(String paymentIntentId, String chargeId, String customerId, Money amount,
                            Money refunded, String status, boolean disputed, Map<String, String> metadata,
                            String description, Instant created) {

    public StripePayment {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The payment intent's id, or the charge's for a charge made without one. */
    public String key() {
        return paymentIntentId != null ? paymentIntentId : chargeId;
    }

    public boolean succeeded() {
        return "succeeded".equals(status);
    }
}
