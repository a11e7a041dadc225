package io.mlconnector.systems.freshbooks.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.systems.freshbooks.FreshBooksException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * JSON over HTTP to FreshBooks for one connection: the bearer token, backoff on 429 and 5xx, one token
 * renewal on 401 and then "needs reconnect", and FreshBooks' error bodies turned into exceptions.
 *
 * <p>Creates (POST) are not retried after a 5xx or a lost answer: FreshBooks takes no idempotency key,
 * so the caller searches before creating again. A 429 is always retried: the request was not run.
 */
public final class FreshBooksHttp {

    /** The system's id in connector specs, named in "needs reconnect". */
    public static final String SYSTEM = "freshbooks";

    private final URI base;
    private final AccessTokens tokens;
    private final HttpSender sender;
    private final Backoff backoff;
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    public FreshBooksHttp(URI base, AccessTokens tokens, HttpSender sender, Backoff backoff) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.tokens = tokens;
        this.sender = sender;
        this.backoff = backoff;
    }

    public JsonObject get(String path, Map<String, String> query) {
        return exchange("GET", path + queryString(query), null);
    }

    public JsonObject post(String path, JsonObject body) {
        return exchange("POST", path, body);
    }

    public JsonObject put(String path, JsonObject body) {
        return exchange("PUT", path, body);
    }

    public void delete(String path) {
        exchange("DELETE", path, null);
    }

    /** How many HTTP requests this instance has sent, retries included. */
    public int calls() {
        return calls.get();
    }

    private JsonObject exchange(String method, String pathAndQuery, JsonObject body) {
        String token = tokens.current();
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                calls.incrementAndGet();
                response = sender.send(request(method, pathAndQuery, body, token));
            } catch (IOException e) {
                if (method.equals("POST") || attempt >= backoff.attempts()) {
                    throw new RetryLater("FreshBooks could not be reached (" + e.getClass().getSimpleName() + ")");
                }
                pause(backoff.delayAfter(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetryLater("Interrupted while calling FreshBooks");
            }
            int status = response.statusCode();
            if (status == 401) {
                if (renewed) {
                    throw new CredentialsRejected(SYSTEM,
                            "FreshBooks no longer accepts this connection's authorisation: reconnect FreshBooks.");
                }
                token = tokens.renewed(token);
                renewed = true;
                attempt--;
                continue;
            }
            boolean retryable = status == 429 || (status >= 500 && !method.equals("POST"));
            if (retryable) {
                Duration wait = retryAfter(response).orElse(backoff.delayAfter(attempt));
                if (attempt >= backoff.attempts() || wait.compareTo(backoff.cap()) > 0) {
                    throw new RetryLater("FreshBooks answered " + status + (status == 429 ? " (too many requests)" : ""),
                            wait);
                }
                pause(wait);
                continue;
            }
            if (status >= 500) {
                throw new RetryLater("FreshBooks answered " + status + " to a create; it is checked before trying again");
            }
            JsonObject json = parse(response.body(), status);
            if (status >= 400 || hasErrors(json)) {
                throw new FreshBooksException(status, errorText(json, status));
            }
            return json;
        }
    }

    private HttpRequest request(String method, String pathAndQuery, JsonObject body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private void pause(Duration wait) {
        try {
            backoff.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("Interrupted while waiting to call FreshBooks again");
        }
    }

    static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        query.forEach((key, value) -> joined.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static JsonObject parse(String body, int status) {
        if (body == null || body.isBlank()) {
            return new JsonObject();
        }
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            if (status >= 400) {
                return new JsonObject();
            }
            throw new RetryLater("FreshBooks answered with something that is not JSON");
        }
    }

    private static boolean hasErrors(JsonObject json) {
        JsonElement response = json.get("response");
        return response != null && response.isJsonObject() && response.getAsJsonObject().has("errors");
    }

    private static String errorText(JsonObject json, int status) {
        JsonElement holder = json.has("response") && json.get("response").isJsonObject() ? json.get("response") : json;
        JsonElement errors = holder.getAsJsonObject().get("errors");
        StringJoiner text = new StringJoiner("; ");
        if (errors != null && errors.isJsonArray()) {
            errors.getAsJsonArray().forEach(error -> {
                if (error.isJsonObject() && error.getAsJsonObject().has("message")) {
                    text.add(error.getAsJsonObject().get("message").getAsString());
                }
            });
        } else if (holder.getAsJsonObject().has("message")) {
            text.add(holder.getAsJsonObject().get("message").getAsString());
        }
        String said = text.toString();
        return "FreshBooks refused the request (" + status + ")" + (said.isEmpty() ? "" : ": " + said);
    }
}
