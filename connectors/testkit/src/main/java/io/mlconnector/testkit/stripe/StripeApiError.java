package io.mlconnector.testkit.stripe;

/**
 * A refusal in Stripe's error envelope, {@code {"error":{"type","code","message","param"}}}: the
 * official clients choose their exception class from the status and {@code type}.
 */
final class StripeApiError extends RuntimeException {

    final int status;
    final String type;
    final String code;
    final String param;

    StripeApiError(int status, String type, String code, String message, String param) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static StripeApiError notFound(String id) {
        return new StripeApiError(404, "invalid_request_error", "resource_missing", "No such object: '" + id + "'",
                "id");
    }

    static StripeApiError invalid(String message, String param) {
        return new StripeApiError(400, "invalid_request_error", "parameter_invalid", message, param);
    }

    static StripeApiError missing(String param) {
        return new StripeApiError(400, "invalid_request_error", "parameter_missing",
                "Missing required param: " + param + ".", param);
    }

    static StripeApiError idempotencyMismatch(String key) {
        return new StripeApiError(400, "idempotency_error", null,
                "Keys for idempotent requests can only be used with the same parameters they were first used with. "
                        + "Try using a key other than '" + key + "' if you meant to execute a different request.",
                null);
    }

    static StripeApiError unauthenticated(String shownKey) {
        return new StripeApiError(401, "invalid_request_error", null, "Invalid API Key provided: " + shownKey, null);
    }

    static StripeApiError noPermission(String shownKey, String account, String permission) {
        return new StripeApiError(403, "invalid_request_error", null, "The provided key '" + shownKey
                + "' does not have the required permissions for this endpoint on account '" + account
                + "'. Having the '" + permission + "' permission would allow this request to continue.", null);
    }

    static StripeApiError rateLimited() {
        return new StripeApiError(429, "invalid_request_error", "rate_limit",
                "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
                null);
    }

    static StripeApiError serverError(int status) {
        return new StripeApiError(status, "api_error", null,
                "An unknown error occurred while processing this request.", null);
    }

    static StripeApiError unknownRoute(String method, String path) {
        return new StripeApiError(404, "invalid_request_error", null,
                "Unrecognized request URL (" + method + ": " + path + ").", null);
    }
}
