package io.mlconnector.systems.stripe;

import io.mlconnector.api.money.Money;

import java.util.Map;
import java.util.Objects;

/**
 * An invoice to create for a customer, with one line.
 *
 * @param send         true: finalise and send it for collection ({@code send_invoice}); false: leave a draft
 * @param daysUntilDue for invoices sent for collection
 */
public record StripeNewInvoice(String customerId, Money amount, String description, Map<String, String> metadata,
                               boolean send, int daysUntilDue) {

    public StripeNewInvoice {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
