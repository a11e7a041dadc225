package io.mlconnector.systems.gocardless;

import java.util.Map;
import java.util.Objects;

/**
 * What to ask a payer for when they have no mandate yet: a Direct Debit mandate in {@code currency},
 * through a billing request and its hosted flow. {@code customerId} links a customer GoCardless already
 * has; without it GoCardless creates one, prefilled with the e-mail and names given here.
 */
public record GoCardlessMandateRequest(String currency, String customerId, String email, String givenName,
                                       String familyName, String companyName, Map<String, String> metadata) {

    public GoCardlessMandateRequest {
        Objects.requireNonNull(currency, "currency");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
