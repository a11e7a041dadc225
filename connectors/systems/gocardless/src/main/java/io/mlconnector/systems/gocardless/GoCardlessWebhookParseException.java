package io.mlconnector.systems.gocardless;

/** A webhook body that is not a GoCardless event batch; the message says what is wrong with it. */
public final class GoCardlessWebhookParseException extends RuntimeException {

    public GoCardlessWebhookParseException(String message) {
        super(message);
    }

    public GoCardlessWebhookParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
