package io.mlconnector.systems.gocardless;

import java.util.List;
import java.util.Optional;

/**
 * One parsed webhook delivery: its events in body order and the webhook id from
 * {@code meta.webhook_id} (absent in some hand-made or older bodies). Deduplicate on event ids, not
 * on the webhook id: GoCardless may resend a webhook, and the same event id is what stays stable.
 */
public record GoCardlessWebhook(String webhookId, List<GoCardlessEvent> events) {

    public GoCardlessWebhook {
        events = List.copyOf(events);
    }

    public Optional<String> optionalWebhookId() {
        return Optional.ofNullable(webhookId);
    }
}
