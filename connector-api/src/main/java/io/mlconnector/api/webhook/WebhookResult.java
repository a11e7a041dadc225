package io.mlconnector.api.webhook;

import java.util.List;

/**
 * What to do with a webhook: store its events and answer with the sender's success status, or reject
 * it with the sender's documented status for a bad signature or body. A rejection is never 2xx.
 */
public sealed interface WebhookResult {

    /** Store these events (possibly none, when every event is of a type this connector ignores). */
    record Accepted(List<InboundEvent> events, int status) implements WebhookResult {
        public Accepted {
            events = List.copyOf(events);
            if (status < 200 || status > 299) {
                throw new IllegalArgumentException("An accepted webhook is answered with 2xx");
            }
        }
    }

    /** Refuse it. {@code reason} is logged and shown to the tenant; it must not contain secrets. */
    record Rejected(int status, String reason) implements WebhookResult {
        public Rejected {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("A rejected webhook is answered with 4xx or 5xx");
            }
        }
    }

    static WebhookResult accepted(List<InboundEvent> events) {
        return new Accepted(events, 200);
    }

    static WebhookResult accepted(List<InboundEvent> events, int status) {
        return new Accepted(events, status);
    }

    static WebhookResult rejected(int status, String reason) {
        return new Rejected(status, reason);
    }
}
