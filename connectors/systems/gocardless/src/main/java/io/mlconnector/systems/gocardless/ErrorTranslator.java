package io.mlconnector.systems.gocardless;

import com.gocardless.errors.ApiError;
import com.gocardless.errors.MalformedResponseException;
import com.gocardless.errors.RateLimitException;
import com.gocardless.http.GoCardlessNetworkException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** gocardless-pro's exceptions → ours, each prefixed with what we were doing. */
final class ErrorTranslator {

    private ErrorTranslator() {
    }

    static GoCardlessException translate(com.gocardless.GoCardlessException e, String what, Clock clock) {
        if (e instanceof RateLimitException) {
            return RateLimitHeaders.toException(what, clock);
        }
        if (e instanceof com.gocardless.errors.GoCardlessApiException api) {
            List<GoCardlessApiException.Problem> problems = new ArrayList<>();
            String conflicting = null;
            List<ApiError> errors = api.getErrors() == null ? List.of() : api.getErrors();
            for (ApiError error : errors) {
                problems.add(new GoCardlessApiException.Problem(error.getReason(), error.getField(), error.getMessage()));
                Map<String, String> links = error.getLinks();
                if (conflicting == null && links != null) {
                    conflicting = links.get("conflicting_resource_id");
                }
            }
            String type = ResourceMapper.wire(api.getType());
            StringBuilder message = new StringBuilder(what).append(": GoCardless answered ").append(api.getCode());
            if (api.getErrorMessage() != null) {
                message.append(" (").append(api.getErrorMessage()).append(')');
            }
            for (GoCardlessApiException.Problem p : problems) {
                if (p.field() != null) {
                    message.append("; ").append(p.field()).append(' ').append(p.message());
                } else if (p.reason() != null) {
                    message.append("; ").append(p.reason());
                }
            }
            return new GoCardlessApiException(message.toString(), api.getCode(), type, problems, api.getRequestId(),
                    conflicting);
        }
        if (e instanceof GoCardlessNetworkException) {
            return new GoCardlessUnreachableException("GoCardless could not be reached (" + what + ")", e);
        }
        if (e instanceof MalformedResponseException malformed) {
            // The body is not repeated: it came from something that is not GoCardless.
            return new GoCardlessApiException(what + ": the answer (HTTP " + malformed.getStatusCode()
                    + ") was not GoCardless's JSON", malformed.getStatusCode(), "malformed_response", List.of(), null, null);
        }
        return new GoCardlessException(what + ": " + e.getMessage(), e);
    }
}
