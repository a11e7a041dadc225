package io.mlconnector.systems.gocardless;

import io.mlconnector.api.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A GoCardless payment.
 *
 * @param amount         the amount collected (minor units as GoCardless sends them)
 * @param amountRefunded how much of it has been refunded so far
 * @param status         pending_customer_approval, pending_submission, submitted, confirmed,
 *                       paid_out, cancelled, customer_approval_denied, failed, charged_back
 * @param chargeDate     the day GoCardless collects (or collected) it
 * @param customerId     the customer of the mandate: GoCardless links payments to mandates only,
 *                       so the API facade follows the mandate to fill this in
 * @param payoutId       the payout that paid it out, once paid_out; null before
 */
public record GoCardlessPayment(String id, Money amount, Money amountRefunded, String status, LocalDate chargeDate,
                                String reference, String description, Map<String, String> metadata,
                                String mandateId, String customerId, String payoutId, String subscriptionId,
                                Instant createdAt) {

    public GoCardlessPayment {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public String currency() {
        return amount.currency();
    }
}
