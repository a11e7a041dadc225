package io.mlconnector.platform.oauth;

/** The provider could not be reached, timed out, or answered 5xx or 429: try again later. */
final class ProviderUnavailable extends RuntimeException {

    ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
