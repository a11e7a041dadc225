package io.mlconnector.systems.stripe;

import java.util.Map;

/** What we write on a Stripe customer; null fields are left as they are. */
public record StripeCustomerDetails(String name, String email, String phone, StripeAddress address,
                                    Map<String, String> metadata) {

    public StripeCustomerDetails {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
