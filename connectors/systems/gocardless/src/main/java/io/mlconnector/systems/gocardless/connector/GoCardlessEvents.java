package io.mlconnector.systems.gocardless.connector;

import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.systems.gocardless.GoCardlessEvent;

import java.util.Map;
import java.util.Set;

/**
 * The GoCardless events a pair acts on, and how they become the platform's {@link InboundEvent}s
 * (type {@code payments.confirmed}, object id the resource's id, payload the event's JSON). Each kept
 * event only says "look at this object again": a pair's handlers re-read its current state.
 */
public final class GoCardlessEvents {

    private final String source;
    private final Map<String, Set<String>> kept;

    /**
     * @param source the webhook source id in the pair's spec, under which the inbox stores the events
     * @param kept   resource type (e.g. {@code payments}) → the actions kept (e.g. {@code confirmed})
     */
    public GoCardlessEvents(String source, Map<String, Set<String>> kept) {
        this.source = source;
        this.kept = Map.copyOf(kept);
    }

    public String source() {
        return source;
    }

    /** Whether the pair acts on this event: a kept type and action, naming its resource. */
    public boolean kept(GoCardlessEvent event) {
        Set<String> actions = kept.get(event.resourceType());
        return actions != null && actions.contains(event.action()) && event.resourceId().isPresent();
    }

    public InboundEvent toInbound(GoCardlessEvent event) {
        return new InboundEvent(source, event.id(), event.resourceType() + "." + event.action(),
                event.resourceId().orElse(null), event.createdAt(), event.rawJson());
    }

    /** The resource type of a stored event, from its type {@code payments.confirmed}. */
    public static String resourceType(InboundEvent event) {
        int dot = event.type().indexOf('.');
        return dot < 0 ? event.type() : event.type().substring(0, dot);
    }
}
