package io.mlconnector.systems.stripe;

import io.mlconnector.api.money.Money;

/**
 * A dispute (chargeback) of a payment.
 *
 * @param status   {@code needs_response}, {@code under_review}, {@code won}, {@code lost}, …
 * @param withdrawn what Stripe has taken from the balance for it so far, net of anything given back
 * @param fees     the dispute fees Stripe has charged so far, net of any returned
 */
public record StripeDispute(String id, String chargeId, String paymentIntentId, Money amount, String status,
                            String reason, Money withdrawn, Money fees) {

    public boolean lost() {
        return "lost".equals(status);
    }

    public boolean closed() {
        return "won".equals(status) || "lost".equals(status) || "warning_closed".equals(status);
    }
}
