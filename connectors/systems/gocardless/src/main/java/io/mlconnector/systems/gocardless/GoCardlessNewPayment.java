package io.mlconnector.systems.gocardless;

import io.mlconnector.api.money.Money;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A payment to collect against a mandate.
 *
 * @param chargeDate  null to collect as soon as the mandate allows
 * @param reference   shown on the customer's bank statement where the scheme allows; may be null
 * @param metadata    up to three keys, e.g. the invoice id it settles
 */
public record GoCardlessNewPayment(Money amount, String mandateId, LocalDate chargeDate, String reference,
                                   String description, Map<String, String> metadata) {

    public GoCardlessNewPayment {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(mandateId, "mandateId");
        if (amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("A payment must be for more than zero, not " + amount);
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static GoCardlessNewPayment of(Money amount, String mandateId) {
        return new GoCardlessNewPayment(amount, mandateId, null, null, null, Map.of());
    }
}
