package io.mlconnector.systems.stripe;

import java.util.Map;

/** A Stripe customer as read from the API. */
public record StripeCustomer(String id, String name, String email, String phone, StripeAddress address,
                             Map<String, String> metadata, StripeMode mode) {

    public StripeCustomer {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
