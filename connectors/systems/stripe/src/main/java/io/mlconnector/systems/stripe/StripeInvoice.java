package io.mlconnector.systems.stripe;

import io.mlconnector.api.money.Money;

import java.util.Map;

/** A Stripe invoice; {@code status} is {@code draft}, {@code open}, {@code paid}, {@code void} or {@code uncollectible}. */
public record StripeInvoice(String id, String customerId, String number, String status, Money total,
                            Money amountRemaining, Map<String, String> metadata) {

    public StripeInvoice {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
