package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.RetryLater;
import io.mlconnector.systems.gocardless.GoCardlessApiException;
import io.mlconnector.systems.gocardless.GoCardlessException;
import io.mlconnector.systems.gocardless.GoCardlessRateLimitedException;

import java.util.function.Supplier;

/** Runs a GoCardless call and turns its failures into the platform's two kinds: retry later, or park. */
final class GoCardlessCalls {

    private GoCardlessCalls() {
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (GoCardlessRateLimitedException e) {
            throw new RetryLater(e.getMessage(), e.retryAfter());
        } catch (GoCardlessApiException e) {
            if (e.isAuthenticationFailure()) {
                throw new CannotProcess("GoCardless refused the access token: enter a valid token in the "
                        + "connection's credentials, then replay.", e);
            }
            if (e.status() == 403) {
                throw new CannotProcess("The GoCardless access token may not read this: give it read-write "
                        + "access, then replay.", e);
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
}
