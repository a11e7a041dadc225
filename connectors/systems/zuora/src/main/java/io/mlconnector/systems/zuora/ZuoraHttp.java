package io.mlconnector.systems.zuora;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.OutboundHttp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * One request to Zuora's REST API: the bearer token, {@code Zuora-Entity-Ids} when set, the
 * tenant's concurrency cap, and Zuora's answers turned into what the platform understands (429 →
 * wait as told, 401 → a fresh token once, then "needs reconnect", other refusals → a clear reason).
 */
final class ZuoraHttp {

    /** The system id used for the platform's rate-limit bucket and for credential refusals. */
    static final String SYSTEM = "zuora";

    /** When Zuora says 429 without saying how long: its concurrent limit answers Retry-After 120 s. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    private final ZuoraConnection connection;
    private final ZuoraTokens tokens;
    private final OutboundHttp http;
    private final Semaphore cap;

    ZuoraHttp(ZuoraConnection connection, ZuoraTokens tokens, OutboundHttp http) {
        this.connection = connection;
        this.tokens = tokens;
        this.http = http;
        this.cap = ConcurrencyCap.of(connection);
    }

    /** GET; empty when Zuora says there is no such object. */
    Optional<JsonNode> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    /** POST with Zuora's {@code Idempotency-Key}, so a retried create makes one object. */
    JsonNode post(String path, JsonNode body, String idempotencyKey) {
        return send("POST", path, body, idempotencyKey)
                .orElseThrow(() -> new CannotProcess("Zuora answered 404 to POST " + path));
    }

    JsonNode put(String path, JsonNode body) {
        return send("PUT", path, body, null).orElseThrow(() -> new CannotProcess("Zuora has no object at " + path));
    }

    private Optional<JsonNode> send(String method, String pathAndQuery, JsonNode body) {
        return send(method, pathAndQuery, body, null);
    }

    private Optional<JsonNode> send(String method, String pathAndQuery, JsonNode body, String idempotencyKey) {
        String token = tokens.accessToken();
        HttpResponse<String> response = once(method, pathAndQuery, body, token, idempotencyKey);
        if (response.statusCode() == 401) {
            // A token can lapse between our check and Zuora's: one fresh token, then it is the credentials.
            tokens.rejected(token);
            response = once(method, pathAndQuery, body, tokens.accessToken(), idempotencyKey);
            if (response.statusCode() == 401) {
                throw new CredentialsRejected(SYSTEM, "Zuora refused a new access token from the connection's OAuth client.");
            }
        }
        return answer(method, pathAndQuery, response);
    }

    private HttpResponse<String> once(String method, String pathAndQuery, JsonNode body, String token,
                                      String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(connection.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        connection.entity().ifPresent(entity -> builder.header("Zuora-Entity-Ids", entity));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(ZuoraJson.write(body)));
        }
        ConcurrencyCap.acquire(cap);
        try {
            return http.send(SYSTEM, builder.build());
        } finally {
            cap.release();
        }
    }

    private static Optional<JsonNode> answer(String method, String path, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw retryLater(response, "Zuora");
        }
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 403) {
            throw new CredentialsRejected(SYSTEM, "Zuora refused access: the OAuth client's user lacks a permission "
                    + "(it needs API Write Access for accounts). " + ZuoraErrors.reasons(response.body()));
        }
        if (status >= 400) {
            throw new CannotProcess("Zuora refused " + method + " " + shortPath(path) + " (HTTP " + status + "): "
                    + ZuoraErrors.reasons(response.body()));
        }
        JsonNode json = ZuoraJson.read(response.body());
        if (json.path("success").isBoolean() && !json.path("success").asBoolean()) {
            if (ZuoraErrors.isLimit(json)) {
                throw retryLater(response, "Zuora");
            }
            if (ZuoraErrors.isNotFound(json)) {
                return Optional.empty();
            }
            throw new CannotProcess("Zuora refused " + method + " " + shortPath(path) + ": " + ZuoraErrors.reasons(response.body()));
        }
        return Optional.of(json);
    }

    /** A 429 or 5xx as the platform's "try again later", waiting as long as Zuora said. */
    static RetryLater retryLater(HttpResponse<String> response, String who) {
        Duration wait = ZuoraErrors.waitFrom(response).orElse(DEFAULT_WAIT);
        if (response.statusCode() >= 500) {
            return new RetryLater(who + " answered HTTP " + response.statusCode());
        }
        String what = ZuoraErrors.isLimit(ZuoraJson.readQuietly(response.body()))
                ? " is over its concurrent request limit" : " is rate limiting us";
        return new RetryLater(who + what + "; trying again in " + wait.toSeconds() + " s", wait);
    }

    private static String shortPath(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }
}
