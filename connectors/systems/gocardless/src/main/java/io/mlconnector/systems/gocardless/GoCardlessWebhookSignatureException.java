package io.mlconnector.systems.gocardless;

/** A webhook whose signature is missing or wrong: answer 498 and store nothing. */
public final class GoCardlessWebhookSignatureException extends RuntimeException {

    public GoCardlessWebhookSignatureException(String message) {
        super(message);
    }
}
