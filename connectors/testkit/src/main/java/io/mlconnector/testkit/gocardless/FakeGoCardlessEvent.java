package io.mlconnector.testkit.gocardless;

import java.time.Instant;
import java.util.Map;

/**
 * One event the fake generated, as GoCardless would list it on {@code /events} and deliver it in a
 * webhook. {@code json} is the event object exactly as it goes on the wire.
 */
public record FakeGoCardlessEvent(String id, Instant createdAt, String resourceType, String action,
                                  Map<String, String> links, String cause, String json) {

    public FakeGoCardlessEvent {
        links = Map.copyOf(links);
    }

    /** The id of the resource the event is about, e.g. the payment id for a {@code payments} event. */
    public String resourceId() {
        return links.get(GcStore.singular(resourceType));
    }
}
