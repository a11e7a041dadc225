package io.mlconnector.testkit.gocardless;

import java.util.Map;

/** What a test says about a customer it creates in the fake; null fields stay null on the wire. */
public record CustomerDetails(String email, String givenName, String familyName, String companyName,
                              Map<String, String> metadata) {

    public CustomerDetails {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static CustomerDetails person(String givenName, String familyName, String email) {
        return new CustomerDetails(email, givenName, familyName, null, Map.of());
    }

    public static CustomerDetails company(String companyName, String email) {
        return new CustomerDetails(email, null, null, companyName, Map.of());
    }

    public CustomerDetails withMetadata(Map<String, String> newMetadata) {
        return new CustomerDetails(email, givenName, familyName, companyName, newMetadata);
    }
}
