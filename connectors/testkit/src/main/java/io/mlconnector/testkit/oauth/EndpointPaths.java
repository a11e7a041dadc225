package io.mlconnector.testkit.oauth;

import java.util.Objects;

/**
 * The paths the fake serves its endpoints on. A test that points a provider's real endpoint URLs at
 * the fake by replacing only their origin uses the provider's own paths, e.g.
 * {@code new EndpointPaths("/connect/oauth2", "/oauth2/v1/tokens/bearer", "/v2/oauth2/tokens/revoke")}.
 */
public record EndpointPaths(String authorize, String token, String revoke) {

    public EndpointPaths {
        for (String path : new String[] {authorize, token, revoke}) {
            if (!Objects.requireNonNull(path, "path").startsWith("/")) {
                throw new IllegalArgumentException("An endpoint path starts with '/': " + path);
            }
        }
    }

    public static EndpointPaths standard() {
        return new EndpointPaths("/oauth2/authorize", "/oauth2/token", "/oauth2/revoke");
    }
}
