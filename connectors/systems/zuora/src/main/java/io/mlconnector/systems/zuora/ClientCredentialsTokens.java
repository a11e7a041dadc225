package io.mlconnector.systems.zuora;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.OutboundHttp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zuora's client-credentials grant ({@code POST {base}/oauth/token} with the client id and secret as
 * form fields and no Authorization header). A token is used until shortly before its
 * {@code expires_in}, as Zuora asks, and shared by every call for the same client on this instance;
 * one caller fetches while the others wait.
 */
public final class ClientCredentialsTokens implements ZuoraTokens {

    /** Renew this long before expiry, so a request never leaves with a token about to lapse. */
    static final Duration MARGIN = Duration.ofMinutes(5);

    private static final Map<String, Held> HELD = new ConcurrentHashMap<>();

    private final ZuoraConnection connection;
    private final OutboundHttp http;
    private final Clock clock;
    private final String key;

    public ClientCredentialsTokens(ZuoraConnection connection, OutboundHttp http, Clock clock) {
        this.connection = connection;
        this.http = http;
        this.clock = clock;
        this.key = connection.tenantKey() + "|" + fingerprint(connection.clientSecret());
    }

    @Override
    public String accessToken() {
        Held held = HELD.computeIfAbsent(key, k -> new Held());
        synchronized (held) {
            Instant now = clock.instant();
            if (held.token == null || !now.isBefore(held.renewAt)) {
                fetch(held, now);
            }
            return held.token;
        }
    }

    @Override
    public void rejected(String token) {
        Held held = HELD.get(key);
        if (held != null) {
            synchronized (held) {
                if (token.equals(held.token)) {
                    held.token = null;
                }
            }
        }
    }

    private void fetch(Held held, Instant now) {
        String form = "grant_type=client_credentials&client_id=" + encode(connection.clientId())
                + "&client_secret=" + encode(connection.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(connection.baseUrl() + "/oauth/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(ZuoraHttp.SYSTEM, request);
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 403) {
            throw new CredentialsRejected(ZuoraHttp.SYSTEM,
                    "Zuora refused the OAuth client id and secret (HTTP " + status + "). Check them in Zuora under "
                            + "Settings > Administration > Manage Users, and that the environment is the tenant's.");
        }
        if (status == 429 || status >= 500) {
            throw ZuoraHttp.retryLater(response, "Zuora's token endpoint");
        }
        if (status != 200) {
            throw new RetryLater("Zuora's token endpoint answered HTTP " + status);
        }
        JsonNode body = ZuoraJson.read(response.body());
        String token = body.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new RetryLater("Zuora's token endpoint answered without an access token");
        }
        long expiresIn = body.path("expires_in").asLong(3599);
        Duration life = Duration.ofSeconds(expiresIn);
        Duration margin = life.compareTo(MARGIN.multipliedBy(2)) > 0 ? MARGIN : life.dividedBy(2);
        held.token = token;
        held.renewAt = now.plus(life).minus(margin);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Distinguishes a changed secret without keeping the secret itself as a map key. */
    private static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests: forget every token held on this instance. */
    public static void forgetAll() {
        HELD.clear();
    }

    private static final class Held {
        private String token;
        private Instant renewAt = Instant.MIN;
    }
}
