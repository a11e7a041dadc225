package io.mlconnector.systems.qbo;

/** A webhook body that is neither payload QuickBooks Online sends. The message never repeats the body. */
public class QboWebhookParseException extends RuntimeException {

    public QboWebhookParseException(String message) {
        super(message);
    }
}
