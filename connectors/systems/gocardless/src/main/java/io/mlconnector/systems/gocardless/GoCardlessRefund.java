package io.mlconnector.systems.gocardless;

import io.mlconnector.api.money.Money;

import java.time.Instant;
import java.util.Map;

/**
 * A refund of (part of) a payment.
 *
 * @param status created, pending_submission, submitted, paid, cancelled, bounced, funds_returned
 */
public record GoCardlessRefund(String id, Money amount, String status, String paymentId, String mandateId,
                               String reference, Map<String, String> metadata, Instant createdAt) {

    public GoCardlessRefund {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
