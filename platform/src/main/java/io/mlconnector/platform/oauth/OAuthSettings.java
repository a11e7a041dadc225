package io.mlconnector.platform.oauth;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.mlconnector.api.oauth.OAuthCredential;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The operator's side of OAuth: apps configured per provider ({@code ML_OAUTH_<PROVIDER>_CLIENT_ID}
 * and {@code _CLIENT_SECRET}), an origin replacing a provider's endpoints for tests and demos
 * ({@code ML_OAUTH_<PROVIDER>_ENDPOINT_ORIGIN}), and the timings of the flow.
 */
@Singleton
public class OAuthSettings {

    private final Environment environment;
    private final Duration stateLifetime;
    private final Duration refreshAhead;
    private final Duration keepAliveAfter;
    private final Duration timeout;

    public OAuthSettings(Environment environment,
                         @Value("${ml.oauth.state-lifetime:10m}") Duration stateLifetime,
                         @Value("${ml.oauth.refresh-ahead:5m}") Duration refreshAhead,
                         @Value("${ml.oauth.keep-alive-after:30d}") Duration keepAliveAfter,
                         @Value("${ml.oauth.timeout:20s}") Duration timeout) {
        this.environment = environment;
        this.stateLifetime = stateLifetime;
        this.refreshAhead = refreshAhead;
        this.keepAliveAfter = keepAliveAfter;
        this.timeout = timeout;
    }

    /** The operator's app for the provider, when both its variables are set. */
    public Optional<ClientApp> operatorApp(OAuthCredential credential) {
        Optional<String> id = property(credential, "client-id");
        Optional<String> secret = property(credential, "client-secret");
        return id.isPresent() && secret.isPresent() ? Optional.of(new ClientApp(id.get(), secret.get())) : Optional.empty();
    }

    /** An endpoint of the credential, resolved for the chosen base URL, with the configured origin if any. */
    public String endpoint(OAuthCredential credential, String endpoint, String baseUrl) {
        String resolved = OAuthCredential.resolve(endpoint, baseUrl);
        if (resolved == null) {
            return null;
        }
        Optional<String> origin = property(credential, "endpoint-origin");
        if (origin.isEmpty()) {
            return resolved;
        }
        URI uri = URI.create(resolved);
        String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            rest += "?" + uri.getRawQuery();
        }
        String base = origin.get().endsWith("/") ? origin.get().substring(0, origin.get().length() - 1) : origin.get();
        return base + rest;
    }

    public Duration stateLifetime() {
        return stateLifetime;
    }

    /** A token expiring sooner than this is refreshed before it is handed out. */
    public Duration refreshAhead() {
        return refreshAhead;
    }

    /** A refresh token unused this long is refreshed by the keep-alive schedule. */
    public Duration keepAliveAfter() {
        return keepAliveAfter;
    }

    public Duration timeout() {
        return timeout;
    }

    private Optional<String> property(OAuthCredential credential, String name) {
        return environment.getProperty("ml.oauth." + credential.provider() + "." + name, String.class).filter(s -> !s.isBlank());
    }
}
