package io.mlconnector.api.spec;

import java.util.List;

/**
 * One of the two systems a connector joins.
 *
 * @param id             e.g. {@code gocardless}, {@code quickbooks-desktop}
 * @param name           what people see, e.g. "GoCardless"
 * @param credentials    the fields to store for it (may be empty, e.g. QuickBooks Desktop)
 * @param viaWebConnector true for QuickBooks Desktop: the platform issues Web Connector credentials
 *                        and a {@code .qwc} file instead of asking for any
 */
public record SystemSpec(String id, String name, List<CredentialField> credentials, boolean viaWebConnector) {

    public SystemSpec {
        credentials = List.copyOf(credentials);
    }

    public static SystemSpec of(String id, String name, CredentialField... credentials) {
        return new SystemSpec(id, name, List.of(credentials), false);
    }

    public static SystemSpec webConnector(String id, String name) {
        return new SystemSpec(id, name, List.of(), true);
    }
}
