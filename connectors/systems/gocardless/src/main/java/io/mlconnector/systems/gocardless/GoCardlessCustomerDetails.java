package io.mlconnector.systems.gocardless;

import java.util.Map;

/**
 * Who pays, as another system knows them: what a GoCardless customer is created or updated with.
 * Null fields are left out; {@code metadata} (at most three keys in GoCardless) usually carries the
 * other system's id.
 */
public record GoCardlessCustomerDetails(String email, String givenName, String familyName, String companyName,
                                        Map<String, String> metadata) {

    public GoCardlessCustomerDetails {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (metadata.size() > 3) {
            throw new IllegalArgumentException("GoCardless keeps at most three metadata keys");
        }
    }
}
