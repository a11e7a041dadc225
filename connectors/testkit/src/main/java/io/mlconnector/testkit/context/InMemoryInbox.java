package io.mlconnector.testkit.context;

import io.mlconnector.api.context.Inbox;
import io.mlconnector.api.webhook.InboundEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The platform's inbox in memory: each (source, event id) stored once, and each new event handed at
 * once to the handler a test set ({@link #handledBy}), as the platform's jobs would. A handler that
 * throws parks the event with its message ({@link #parked}); {@link #replay} runs it again.
 */
public final class InMemoryInbox implements Inbox {

    private final Map<String, InboundEvent> stored = new LinkedHashMap<>();
    private final Map<String, String> parked = new LinkedHashMap<>();
    private Consumer<InboundEvent> handler = event -> { };

    /** Who handles new events, e.g. {@code event -> connector.handle(event, ctx)}. */
    public synchronized void handledBy(Consumer<InboundEvent> handler) {
        this.handler = handler;
    }

    @Override
    public int offer(String source, List<InboundEvent> events) {
        List<InboundEvent> fresh = new ArrayList<>();
        synchronized (this) {
            for (InboundEvent e : events) {
                InboundEvent event = new InboundEvent(source, e.id(), e.type(), e.objectId(), e.occurredAt(), e.payload());
                if (stored.putIfAbsent(key(source, e.id()), event) == null) {
                    fresh.add(event);
                }
            }
        }
        fresh.forEach(this::run);
        return fresh.size();
    }

    /** Every event stored, in arrival order. */
    public synchronized List<InboundEvent> events() {
        return List.copyOf(stored.values());
    }

    /** Parked events' ids (source/id) with the reason. */
    public synchronized Map<String, String> parked() {
        return Map.copyOf(parked);
    }

    /** Runs a stored event again, as a person pressing "replay" would. */
    public void replay(String source, String eventId) {
        InboundEvent event;
        synchronized (this) {
            event = stored.get(key(source, eventId));
        }
        if (event == null) {
            throw new IllegalArgumentException("No event " + eventId + " of " + source + " in the inbox");
        }
        run(event);
    }

    private void run(InboundEvent event) {
        Consumer<InboundEvent> h;
        synchronized (this) {
            h = handler;
            parked.remove(key(event.source(), event.id()));
        }
        try {
            h.accept(event);
        } catch (RuntimeException e) {
            synchronized (this) {
                parked.put(key(event.source(), event.id()), String.valueOf(e.getMessage()));
            }
        }
    }

    private static String key(String source, String eventId) {
        return source + "/" + eventId;
    }
}
