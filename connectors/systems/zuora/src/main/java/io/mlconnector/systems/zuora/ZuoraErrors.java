package io.mlconnector.systems.zuora;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading Zuora's error answers: {@code {"success":false,"reasons":[{"code","message"}]}} and 429 headers. */
final class ZuoraErrors {

    static final String REQUEST_EXCEEDED_LIMIT = "REQUEST_EXCEEDED_LIMIT";

    private ZuoraErrors() {
    }

    /** Zuora's own words, e.g. "53100020: Account not found". */
    static String reasons(String body) {
        JsonNode json = ZuoraJson.readQuietly(body);
        List<String> parts = new ArrayList<>();
        for (JsonNode reason : json.path("reasons")) {
            parts.add((reason.path("code").asText("") + ": " + reason.path("message").asText("")).replaceFirst("^: ", ""));
        }
        if (parts.isEmpty() && json.hasNonNull("message")) {
            parts.add(json.path("message").asText());
        }
        return parts.isEmpty() ? "no reason given" : String.join("; ", parts);
    }

    static boolean isLimit(JsonNode json) {
        if (REQUEST_EXCEEDED_LIMIT.equals(json.path("code").asText())) {
            return true;
        }
        for (JsonNode reason : json.path("reasons")) {
            if (reason.path("code").asText().contains(REQUEST_EXCEEDED_LIMIT)
                    || reason.path("message").asText().contains(REQUEST_EXCEEDED_LIMIT)) {
                return true;
            }
        }
        return false;
    }

    /** v1 answers a missing object with success:false and a code ending in 40 ("object not found"). */
    static boolean isNotFound(JsonNode json) {
        for (JsonNode reason : json.path("reasons")) {
            String code = reason.path("code").asText();
            if (code.endsWith("40") && reason.path("message").asText().toLowerCase().contains("not")) {
                return true;
            }
        }
        return false;
    }

    /** Retry-After in seconds, else RateLimit-Reset (seconds until the window resets). */
    static Optional<Duration> waitFrom(HttpResponse<?> response) {
        return seconds(response, "Retry-After").or(() -> seconds(response, "RateLimit-Reset"));
    }

    private static Optional<Duration> seconds(HttpResponse<?> response, String header) {
        return response.headers().firstValue(header).flatMap(value -> {
            try {
                long s = Long.parseLong(value.trim());
                return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
