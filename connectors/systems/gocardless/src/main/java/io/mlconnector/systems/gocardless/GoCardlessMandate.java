package io.mlconnector.systems.gocardless;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A GoCardless mandate: the customer's authority to collect.
 *
 * @param status pending_customer_approval, pending_submission, submitted, active, failed, cancelled,
 *               expired, consumed, blocked, suspended_by_payer
 * @param scheme bacs, sepa_core, ach, autogiro, becs, becs_nz, betalingsservice, pad, faster_payments...
 */
public record GoCardlessMandate(String id, String status, String customerId, String customerBankAccountId,
                                String reference, String scheme, LocalDate nextPossibleChargeDate,
                                Map<String, String> metadata, Instant createdAt) {

    public GoCardlessMandate {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public boolean isActive() {
        return "active".equals(status);
    }
}
