package io.mlconnector.testkit.gocardless;

import java.util.List;

/**
 * One webhook POST and what the receiver answered.
 *
 * @param statusCode   the receiver's HTTP status
 * @param webhookId    {@code meta.webhook_id} of the body, or null for a hand-made body
 * @param eventIds     the events the body carried, in body order
 * @param body         the exact bytes sent, as text
 * @param signature    the {@code Webhook-Signature} header sent, or null if none was
 * @param responseBody what the receiver answered
 */
public record WebhookDelivery(int statusCode, String webhookId, List<String> eventIds, String body,
                              String signature, String responseBody) {

    public WebhookDelivery {
        eventIds = List.copyOf(eventIds);
    }

    public boolean accepted() {
        return statusCode >= 200 && statusCode < 300;
    }
}
