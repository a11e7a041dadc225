package io.mlconnector.api.context;

import io.mlconnector.api.webhook.InboundEvent;

import java.util.List;

/**
 * The connection's inbox of events, where webhook deliveries are stored. A schedule that polls a
 * system for events (the fallback when webhooks are off or missed some) offers them here instead of
 * handling them itself: each event is stored once per (connection, source, event id), together with
 * the webhook deliveries of that source, and the new ones are handled by {@code Connector.handle} in
 * the platform's jobs, with the same retries, parking and replay. An event that arrives both ways is
 * handled once.
 */
public interface Inbox {

    /**
     * Stores the events not stored yet and queues them for handling. Returns quickly; handling happens
     * afterwards. Advance a poll's cursor only once this returned.
     *
     * @param source the webhook source the events belong to (as in the spec), e.g. {@code gocardless};
     *               it replaces each event's own source
     * @return how many of the events were new
     */
    int offer(String source, List<InboundEvent> events);
}
