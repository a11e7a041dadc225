package io.mlconnector.systems.gocardless.connector;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessEvent;
import io.mlconnector.systems.gocardless.GoCardlessEventPage;
import io.mlconnector.systems.gocardless.GoCardlessEventQuery;

import io.mlconnector.api.webhook.InboundEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The polling fallback: reads GoCardless's event list from where the last run stopped and offers the
 * events the pair keeps, oldest first, to the connection's inbox ({@code ctx.inbox()}), where they are
 * stored once with the webhook deliveries and handled by the same jobs (an event that came both ways
 * is handled once; one that fails is parked and can be replayed). The position is the id of the last
 * event read, moved once the inbox took the batch; the first run starts from the newest event
 * (history before the connection existed is not replayed).
 */
public final class GoCardlessEventPoller {

    /** The cursor: the id of the last event read. */
    public static final String CURSOR = "gocardless.events.last_id";
    /** Events offered per run at most, to stay well within the platform's time limit per call. */
    public static final int MAX_PER_RUN = 200;

    private final GoCardlessEvents kinds;

    public GoCardlessEventPoller(GoCardlessEvents events) {
        this.kinds = events;
    }

    /** Reads the events since the last run with the connection's client and offers the kept ones to the inbox. */
    public void run(GoCardlessApi gc, ConnectorContext ctx) {
        Optional<String> last = ctx.cursors().get(CURSOR);
        if (last.isEmpty()) {
            GoCardlessEventPage newest = GoCardlessCalls.call(() -> gc.listEvents(GoCardlessEventQuery.firstPage().limit(1)));
            if (!newest.events().isEmpty()) {
                ctx.cursors().set(CURSOR, newest.events().get(0).id());
            }
            return;
        }
        List<GoCardlessEvent> events = GoCardlessCalls.call(() -> gc.listEventsNewerThan(last.get()));
        List<InboundEvent> kept = new ArrayList<>();
        String position = null;
        for (GoCardlessEvent event : events) {
            if (kept.size() >= MAX_PER_RUN) {
                break;
            }
            if (kinds.kept(event)) {
                kept.add(kinds.toInbound(event));
            }
            position = event.id();
        }
        if (!kept.isEmpty()) {
            ctx.inbox().offer(kinds.source(), kept);
        }
        if (position != null) {
            ctx.cursors().set(CURSOR, position);
        }
    }
}
