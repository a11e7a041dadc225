package io.mlconnector.systems.gocardless;

/** No answer from GoCardless (connection refused, timeout, TLS failure) after the client's retries. */
public final class GoCardlessUnreachableException extends GoCardlessException {

    public GoCardlessUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
