package io.mlconnector.api.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One event from a system, as stored in the platform's inbox and handed to
 * {@code Connector.handle}. The platform stores each (connection, source, id) once, so a duplicate
 * delivery is never handled twice as a new event.
 *
 * @param source     the webhook source or poll it came from, e.g. {@code gocardless}
 * @param id         the sender's own event id, e.g. {@code EV123}
 * @param type       e.g. {@code payments.confirmed}; for filtering and display
 * @param objectId   the business object it is about, e.g. {@code PM123}, or null
 * @param occurredAt when the sender says it happened, or null
 * @param payload    the event's own JSON (or other text), exactly as received
 */
public record InboundEvent(String source, String id, String type, String objectId, Instant occurredAt, String payload) {

    public InboundEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("An event id is 1 to 200 characters");
        }
    }
}
