package io.mlconnector.platform.qbwc;

import io.mlconnector.api.qbd.QuickBooksResponse;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands QuickBooks' answers to the response handler and notes which ones it took. An answer stays
 * stored until then, so a handler failure (or a crash) only delays it to the next Web Connector
 * sign-in of the connection.
 */
@Singleton
class ResponseDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseDelivery.class);
    /** Older answers than this that are still undelivered were left behind by a failure, not in delivery now. */
    private static final Duration SETTLED = Duration.ofMinutes(1);

    private final QuickBooksResponseHandler handler;
    private final QueuedRequests requests;
    private final TenantTransactions transactions;
    private final Clock clock;

    ResponseDelivery(QuickBooksResponseHandler handler, QueuedRequests requests, TenantTransactions transactions, Clock clock) {
        this.handler = handler;
        this.requests = requests;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One outcome to hand over; {@code id} is the queue row. */
    record Outcome(long id, QuickBooksResponse response) {
    }

    /** Delivers in order; returns the rows the handler took, to be marked delivered by the caller's transaction. */
    List<Long> deliver(UUID tenantId, UUID connectionId, List<Outcome> outcomes) {
        List<Long> delivered = new ArrayList<>(outcomes.size());
        for (Outcome outcome : outcomes) {
            try {
                handler.deliver(tenantId, connectionId, outcome.response());
                delivered.add(outcome.id());
            } catch (RuntimeException e) {
                LOG.error("The response to QuickBooks request {} of connection {} could not be handed to its connector; "
                        + "it will be handed over again at the next Web Connector sign-in", outcome.response().requestId(), connectionId, e);
            }
        }
        return delivered;
    }

    /** Answers left undelivered by an earlier failure, handed over again. */
    void redeliver(UUID tenantId, UUID connectionId) {
        redeliver(tenantId, connectionId, clock.instant().minus(SETTLED));
    }

    /** Hands over again what finished before {@code finishedBefore} and was not taken; returns how many were taken now. */
    int redeliver(UUID tenantId, UUID connectionId, java.time.Instant finishedBefore) {
        List<QueuedRequests.Undelivered> left = transactions.read(tenantId,
                () -> requests.undelivered(connectionId, finishedBefore, 500));
        if (left.isEmpty()) {
            return 0;
        }
        List<Outcome> outcomes = new ArrayList<>(left.size());
        for (QueuedRequests.Undelivered row : left) {
            outcomes.add(new Outcome(row.id(), new QuickBooksResponse(row.requestId(), row.purpose(), row.correlation(), row.response(),
                    row.response() == null ? row.error() : null)));
        }
        List<Long> delivered = deliver(tenantId, connectionId, outcomes);
        transactions.write(tenantId, () -> requests.delivered(delivered, clock.instant()));
        return delivered.size();
    }
}
