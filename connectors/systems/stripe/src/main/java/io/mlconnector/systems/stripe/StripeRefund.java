package io.mlconnector.systems.stripe;

import io.mlconnector.api.money.Money;

import java.time.Instant;

/** A refund of (part of) a payment; {@code status} is {@code succeeded}, {@code pending}, {@code failed}, … */
public record StripeRefund(String id, String chargeId, String paymentIntentId, Money amount, String status,
                           Instant created) {

    public boolean succeeded() {
        return "succeeded".equals(status);
    }
}
