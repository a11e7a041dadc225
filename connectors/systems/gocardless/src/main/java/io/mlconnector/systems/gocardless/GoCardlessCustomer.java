package io.mlconnector.systems.gocardless;

import java.time.Instant;
import java.util.Map;

/** A GoCardless customer: who pays. Either a company name or a person's names is usually set. */
public record GoCardlessCustomer(String id, String email, String givenName, String familyName, String companyName,
                                 Map<String, String> metadata, Instant createdAt) {

    public GoCardlessCustomer {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The company name if there is one, else "given family", else the email, else the id. */
    public String displayName() {
        if (companyName != null && !companyName.isBlank()) {
            return companyName.trim();
        }
        String person = ((givenName == null ? "" : givenName.trim()) + " "
                + (familyName == null ? "" : familyName.trim())).trim();
        if (!person.isEmpty()) {
            return person;
        }
        return email != null && !email.isBlank() ? email.trim() : id;
    }
}
