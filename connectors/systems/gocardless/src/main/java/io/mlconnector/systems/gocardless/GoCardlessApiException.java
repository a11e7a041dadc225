package io.mlconnector.systems.gocardless;

import java.util.List;
import java.util.Optional;

/**
 * GoCardless answered with its error envelope: {@code code} (the HTTP status), {@code type}
 * (invalid_api_usage, invalid_state, validation_failed, gocardless) and the reasons of its
 * {@code errors}. The message is GoCardless's own, prefixed with what we were doing.
 */
public class GoCardlessApiException extends GoCardlessException {

    /** One entry of the error's {@code errors} list. */
    public record Problem(String reason, String field, String message) {
    }

    private final int status;
    private final String type;
    private final List<Problem> problems;
    private final String requestId;
    private final String conflictingResourceId;

    public GoCardlessApiException(String message, int status, String type, List<Problem> problems, String requestId,
                                  String conflictingResourceId) {
        super(message);
        this.status = status;
        this.type = type;
        this.problems = List.copyOf(problems);
        this.requestId = requestId;
        this.conflictingResourceId = conflictingResourceId;
    }

    public int status() {
        return status;
    }

    /** invalid_api_usage, invalid_state, validation_failed, gocardless, or malformed_response. */
    public String type() {
        return type;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** GoCardless's id for the failed request, for its support team. */
    public String requestId() {
        return requestId;
    }

    public boolean hasReason(String reason) {
        return problems.stream().anyMatch(p -> reason.equals(p.reason()));
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isAuthenticationFailure() {
        return status == 401;
    }

    /** For {@code idempotent_creation_conflict}: the resource the idempotency key already created. */
    public Optional<String> conflictingResourceId() {
        return Optional.ofNullable(conflictingResourceId);
    }

    @Override
    public boolean isRetryable() {
        return "gocardless".equals(type) || status >= 500;
    }
}
