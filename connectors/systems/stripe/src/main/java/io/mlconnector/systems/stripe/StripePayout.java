package io.mlconnector.systems.stripe;

import io.mlconnector.api.money.Money;

import java.time.Instant;

/**
 * Money Stripe sent to the bank. Only automatic payouts say which balance transactions they carry;
 * a manual payout's contents must be reconciled by hand.
 */
public record StripePayout(String id, Money amount, String status, boolean automatic, Instant arrivalDate) {

    public boolean paid() {
        return "paid".equals(status);
    }
}
