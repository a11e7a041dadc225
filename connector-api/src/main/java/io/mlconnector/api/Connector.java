package io.mlconnector.api;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.oauth.Connected;
import io.mlconnector.api.qbd.QuickBooksResponse;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import org.pf4j.ExtensionPoint;

/**
 * A connector keeps one pair of systems in agreement. It is a PF4J extension: the platform finds it
 * in a plugin, asks for its {@link #spec()}, and calls the other verbs with a
 * {@link ConnectorContext} for one connection of one tenant. A connector holds no state of its own
 * between calls; everything durable goes through the context.
 *
 * <p>Failures: throw {@link RetryLater} for a passing problem (the platform retries with backoff),
 * {@link CannotProcess} for one that retrying will not fix (the item is parked as failed, visible and
 * replayable). Any other exception counts as retryable until the attempts run out.
 */
public interface Connector extends ExtensionPoint {

    /** Who this connector is and what it needs: credentials, settings, webhook sources, schedules. */
    ConnectorSpec spec();

    /** "Test connection": calls both real systems with the stored credentials and says what works. */
    CheckResult check(ConnectorContext context);

    /**
     * Verifies a webhook's signature over the raw body and turns it into events. Must not call
     * other systems: the sender is waiting for an answer.
     */
    WebhookResult receiveWebhook(WebhookRequest request, ConnectorContext context);

    /** Handles one stored event (from a webhook or a poll). Called at least once per event. */
    void handle(InboundEvent event, ConnectorContext context);

    /** What QuickBooks Desktop answered to a request this connector queued. */
    default void onQuickBooksResponse(QuickBooksResponse response, ConnectorContext context) {
    }

    /**
     * Called once a system with an OAuth credential was connected (a person consented, or a
     * tenant's client credentials were accepted), before the connection page says so. Ask
     * {@code context.oauth().current(system)} for a token and read who was connected, e.g. the
     * company name and any ids later calls need. Optional: the default finds nothing. An exception
     * here does not undo the connection; the page then simply says "Connected".
     */
    default Connected onConnected(String system, ConnectorContext context) {
        return Connected.unnamed();
    }

    /** Periodic work declared in the spec's schedules: polls, payouts, token refresh. */
    default void runSchedule(String scheduleId, ConnectorContext context) {
    }
}
