package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.systems.gocardless.GoCardlessApiException;
import io.mlconnector.systems.gocardless.GoCardlessException;
import io.mlconnector.systems.gocardless.GoCardlessRateLimitedException;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a GoCardless call and turns its failures into the platform's kinds: retry later, park, or
 * (the access token refused) "needs reconnect", where the work waits for a person to enter a new
 * token rather than failing item by item.
 */
final class GoCardlessCalls {

    /** The system's id in the spec, which the platform names when it asks for a reconnect. */
    static final String SYSTEM = "gocardless";

    private GoCardlessCalls() {
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (GoCardlessRateLimitedException e) {
            throw new RetryLater(e.getMessage(), e.retryAfter());
        } catch (GoCardlessApiException e) {
            if (e.isAuthenticationFailure() || e.status() == 403) {
                throw rejected(e);
            }
            if (e.isRetryable()) {
                throw new RetryLater(e.getMessage());
            }
            throw new CannotProcess(e.getMessage(), e);
        } catch (GoCardlessException e) {
            if (e.isRetryable()) {
                throw new RetryLater(e.getMessage());
            }
            throw new CannotProcess(e.getMessage(), e);
        }
    }

    /** 401 (revoked or wrong token) or 403 (a token without the rights): in GoCardless's words, never the token. */
    private static CredentialsRejected rejected(GoCardlessApiException e) {
        String said = e.problems().stream().map(GoCardlessApiException.Problem::message).filter(Objects::nonNull)
                .map(String::strip).filter(m -> !m.isEmpty()).distinct().reduce((a, b) -> a + "; " + b)
                .orElse("HTTP " + e.status());
        String hint = e.status() == 403 ? " (the token needs read-write access)" : "";
        return new CredentialsRejected(SYSTEM, "GoCardless refused the access token: " + said + hint);
    }
}
