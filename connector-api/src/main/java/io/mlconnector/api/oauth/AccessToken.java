package io.mlconnector.api.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer token for one system of a connection, with what the provider returned alongside it.
 * Its {@link #toString()} never shows the token, so it is safe in a log line or an exception.
 *
 * @param system    the system's id in the connector's spec
 * @param value     the access token itself: put it in {@code Authorization} via {@link #authorization()}
 * @param expiresAt when the provider said it stops working
 * @param baseUrl   the chosen environment's base URL, or null when the provider has no environments
 * @param values    values kept with the grant: those the credential declared with {@code keeping(…)}
 *                  (e.g. {@code realmId}) and those {@code Connector.onConnected} returned
 */
public record AccessToken(String system, String value, Instant expiresAt, String baseUrl, Map<String, String> values) {

    public AccessToken {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        values = Map.copyOf(values);
    }

    /** The {@code Authorization} header value: {@code Bearer <token>}. */
    public String authorization() {
        return "Bearer " + value;
    }

    /** A value kept with the grant, e.g. {@code value("realmId")}. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A value the connector cannot work without; the exception names the value, never a secret. */
    public String requireValue(String name) {
        return value(name).orElseThrow(() -> new io.mlconnector.api.CredentialsRejected(system,
                "The connection has no '" + name + "' from its authorisation; connect again"));
    }

    /** Still valid for at least {@code margin} after {@code now}. */
    public boolean validFor(Duration margin, Instant now) {
        return expiresAt.isAfter(now.plus(margin));
    }

    @Override
    public String toString() {
        return "AccessToken[system=" + system + ", expiresAt=" + expiresAt + ", baseUrl=" + baseUrl + ", values=" + values.keySet() + "]";
    }
}
