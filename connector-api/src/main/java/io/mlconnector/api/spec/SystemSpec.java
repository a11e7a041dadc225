package io.mlconnector.api.spec;

import io.mlconnector.api.oauth.OAuthCredential;
import java.util.List;
import java.util.Optional;

/**
 * One of the two systems a connector joins.
 *
 * @param id             e.g. {@code gocardless}, {@code quickbooks-desktop}
 * @param name           what people see, e.g. "GoCardless"
 * @param credentials    the fields to store for it (may be empty, e.g. QuickBooks Desktop)
 * @param viaWebConnector true for QuickBooks Desktop: the platform issues Web Connector credentials
 *                        and a {@code .qwc} file instead of asking for any
 * @param oauth          how the system hands out OAuth 2.0 tokens, or null when it uses none; the
 *                        platform then shows "Connect to <name>" (or client id and secret fields) and
 *                        keeps a current token in {@code context.oauth()}
 */
public record SystemSpec(String id, String name, List<CredentialField> credentials, boolean viaWebConnector,
                         OAuthCredential oauth) {

    public SystemSpec {
        credentials = List.copyOf(credentials);
        if (oauth != null && viaWebConnector) {
            throw new IllegalArgumentException("A system reached through the Web Connector has no OAuth credential");
        }
        if (oauth != null) {
            oauth.checked();
        }
    }

    public SystemSpec(String id, String name, List<CredentialField> credentials, boolean viaWebConnector) {
        this(id, name, credentials, viaWebConnector, null);
    }

    /** A system reached with OAuth 2.0 tokens, plus any typed credentials it also needs (often none). */
    public static SystemSpec oauth(String id, String name, OAuthCredential oauth, CredentialField... credentials) {
        return new SystemSpec(id, name, List.of(credentials), false, java.util.Objects.requireNonNull(oauth, "oauth"));
    }

    public Optional<OAuthCredential> oauthCredential() {
        return Optional.ofNullable(oauth);
    }

    public static SystemSpec of(String id, String name, CredentialField... credentials) {
        return new SystemSpec(id, name, List.of(credentials), false);
    }

    public static SystemSpec webConnector(String id, String name) {
        return new SystemSpec(id, name, List.of(), true);
    }
}
