package io.mlconnector.systems.gocardless;

/**
 * A GoCardless call that did not work. Subclasses say why: {@link GoCardlessApiException} (GoCardless
 * answered with an error), {@link GoCardlessRateLimitedException} (429: wait, then retry) and
 * {@link GoCardlessUnreachableException} (no answer). Messages never contain credentials.
 */
public class GoCardlessException extends RuntimeException {

    public GoCardlessException(String message) {
        super(message);
    }

    public GoCardlessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same call may succeed later without any change on our side. */
    public boolean isRetryable() {
        return false;
    }
}
