package io.mlconnector.testkit.gocardless;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * An error answer of the fake, rendered in GoCardless's envelope:
 * {@code {"error": {"message", "documentation_url", "type", "request_id", "code", "errors": [...]}}}.
 * The official client maps an answer to its exception classes by {@code code} and {@code type}, so
 * both must agree with the HTTP status.
 */
final class GcApiError extends RuntimeException {

    static final String INVALID_API_USAGE = "invalid_api_usage";
    static final String INVALID_STATE = "invalid_state";
    static final String VALIDATION_FAILED = "validation_failed";
    static final String GOCARDLESS = "gocardless";

    private static final String DOCS = "https://developer.gocardless.com/api-reference#";

    /** One entry of {@code errors}: a reason, or a field with a request pointer for validation errors. */
    record Detail(String reason, String message, String field, String requestPointer, Map<String, String> links) {
    }

    private final int status;
    private final String type;
    private final String summary;
    private final List<Detail> details;

    private GcApiError(int status, String type, String summary, List<Detail> details) {
        super(summary);
        this.status = status;
        this.type = type;
        this.summary = summary;
        this.details = details;
    }

    static GcApiError invalidApiUsage(int status, String reason, String message) {
        return new GcApiError(status, INVALID_API_USAGE, message,
                List.of(new Detail(reason, message, null, null, null)));
    }

    static GcApiError invalidState(String reason, String message, Map<String, String> links) {
        return new GcApiError(409, INVALID_STATE, message, List.of(new Detail(reason, message, null, null, links)));
    }

    static GcApiError invalidState422(String reason, String message) {
        return new GcApiError(422, INVALID_STATE, message, List.of(new Detail(reason, message, null, null, null)));
    }

    /** A 422 for one field; {@code pointer} is the JSON pointer into the request, e.g. /payments/amount. */
    static GcApiError validation(String field, String message, String pointer) {
        return new GcApiError(422, VALIDATION_FAILED, "Validation failed",
                List.of(new Detail(null, message, field, pointer, null)));
    }

    static GcApiError internal(int status) {
        String message = "Uh-oh! We've encountered an error which we weren't expecting.";
        return new GcApiError(status, GOCARDLESS, message,
                List.of(new Detail("internal_server_error", message, null, null, null)));
    }

    static GcApiError rateLimited() {
        return invalidApiUsage(429, "rate_limit_exceeded", "Rate limit exceeded");
    }

    int status() {
        return status;
    }

    ObjectNode toEnvelope(ObjectMapper json, String requestId) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", summary);
        String anchor = details.isEmpty() || details.get(0).reason() == null ? type : details.get(0).reason();
        error.put("documentation_url", DOCS + anchor);
        error.put("type", type);
        error.put("request_id", requestId);
        error.put("code", status);
        ArrayNode errors = error.putArray("errors");
        for (Detail d : details) {
            ObjectNode e = errors.addObject();
            if (d.reason() != null) {
                e.put("reason", d.reason());
            }
            e.put("message", d.message());
            if (d.field() != null) {
                e.put("field", d.field());
                e.put("request_pointer", d.requestPointer());
            }
            if (d.links() != null) {
                ObjectNode links = e.putObject("links");
                d.links().forEach(links::put);
            }
        }
        return root;
    }
}
