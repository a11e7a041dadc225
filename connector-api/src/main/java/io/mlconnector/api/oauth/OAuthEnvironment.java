package io.mlconnector.api.oauth;

import java.util.Objects;

/**
 * One of a provider's environments a tenant chooses from (e.g. Zuora's "US Production",
 * "EU Sandbox"). Endpoint paths of an {@link OAuthCredential} that start with {@code /} are resolved
 * against the chosen environment's base URL, and the connector reads it back from
 * {@link AccessToken#baseUrl()} to build its API calls.
 *
 * @param id      stable id stored with the connection, e.g. {@code us-production}
 * @param label   what people see
 * @param baseUrl e.g. {@code https://rest.zuora.com}, without a trailing slash
 */
public record OAuthEnvironment(String id, String label, String baseUrl) {

    public OAuthEnvironment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
            throw new IllegalArgumentException("An environment's base URL is absolute: " + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
