package io.mlconnector.systems.gocardless.connector;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessEvent;
import io.mlconnector.systems.gocardless.GoCardlessEventPage;
import io.mlconnector.systems.gocardless.GoCardlessEventQuery;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The polling fallback: reads GoCardless's event list from where the last run stopped and handles
 * the events the pair keeps, oldest first, as if they had come by webhook. The position is the
 * id of the last event handled; the first run starts from the newest event (history before the
 * connection existed is not replayed). Handling is idempotent, so events that also came by webhook
 * do no harm.
 */
public final class GoCardlessEventPoller {

    /** The cursor: the id of the last event read. */
    public static final String CURSOR = "gocardless.events.last_id";
    /** Events handled per run at most, to stay well within the platform's time limit per call. */
    public static final int MAX_PER_RUN = 200;

    private final GoCardlessEvents kinds;

    public GoCardlessEventPoller(GoCardlessEvents events) {
        this.kinds = events;
    }

    /** Reads the events since the last run with the connection's client and hands the kept ones to {@code handler}. */
    public void run(GoCardlessApi gc, ConnectorContext ctx, BiConsumer<GoCardlessEvent, ConnectorContext> handler) {
        Optional<String> last = ctx.cursors().get(CURSOR);
        if (last.isEmpty()) {
            GoCardlessEventPage newest = GoCardlessCalls.call(() -> gc.listEvents(GoCardlessEventQuery.firstPage().limit(1)));
            if (!newest.events().isEmpty()) {
                ctx.cursors().set(CURSOR, newest.events().get(0).id());
            }
            return;
        }
        List<GoCardlessEvent> events = GoCardlessCalls.call(() -> gc.listEventsNewerThan(last.get()));
        int handled = 0;
        for (GoCardlessEvent event : events) {
            if (handled >= MAX_PER_RUN) {
                break;
            }
            if (kinds.kept(event)) {
                try {
                    handler.accept(event, ctx);
                } catch (CannotProcess e) {
                    // The object's own sync record says what is wrong; one bad event must not block the rest.
                    ctx.audit().record(event.resourceId().orElse(event.id()), "event.failed", "error", event.id(),
                            null, e.getMessage());
                }
                handled++;
            }
            ctx.cursors().set(CURSOR, event.id());
        }
    }
}
