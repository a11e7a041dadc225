package io.mlconnector.platform.jobs;

import io.mlconnector.api.RetryLater;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionRepository;
import io.mlconnector.platform.connections.ReconnectTracker;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.plugins.PluginCalls;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.runtime.ContextFactory;
import io.mlconnector.platform.sync.SyncRecordStore;
import io.mlconnector.platform.inbox.InboxRepository;
import io.mlconnector.api.context.SyncStatus;
import jakarta.inject.Singleton;
import java.util.List;

/** Hands one stored event to its connector, and parks it as failed when retrying is over. */
@Singleton
public class EventProcessor {

    private final TenantTransactions transactions;
    private final InboxRepository inbox;
    private final ConnectionRepository connections;
    private final PluginHost plugins;
    private final PluginCalls calls;
    private final ContextFactory contexts;
    private final SyncRecordStore syncRecords;
    private final AuditLog audit;
    private final Jobs jobs;
    private final InstanceName instance;
    private final ReconnectTracker reconnects;

    public EventProcessor(TenantTransactions transactions, InboxRepository inbox, ConnectionRepository connections,
                          PluginHost plugins, PluginCalls calls, ContextFactory contexts, SyncRecordStore syncRecords,
                          AuditLog audit, Jobs jobs, InstanceName instance, ReconnectTracker reconnects) {
        this.reconnects = reconnects;
        this.instance = instance;
        this.jobs = jobs;
        this.transactions = transactions;
        this.inbox = inbox;
        this.connections = connections;
        this.plugins = plugins;
        this.calls = calls;
        this.contexts = contexts;
        this.syncRecords = syncRecords;
        this.audit = audit;
    }

    public void process(long eventId) {
        InboxRepository.StoredEvent stored = transactions.system(() -> inbox.find(eventId)).orElse(null);
        if (stored == null || !stored.status().equals("PENDING")) {
            return;
        }
        Connection connection = transactions.system(() -> connections.findAnyTenant(stored.connectionId())).orElse(null);
        if (connection == null || !connection.active()) {
            return; // deleted, or paused: it stays pending and is scheduled again on resume
        }
        PluginHost.LoadedConnector connector = plugins.connector(connection.connectorId())
                .orElseThrow(() -> new RetryLater("The connector '" + connection.connectorId() + "' is not installed"));
        reconnects.watch(connection, () -> calls.run(connection.connectorId(), "handle",
                () -> connector.connector().handle(stored.event(), contexts.create(connection, eventId))));
        transactions.write(connection.tenantId(), () -> {
            inbox.markDone(eventId, instance.name());
            // An event parked earlier (before its connector opened a record of its own) has a record
            // of kind "event"; once the event has been handled, that record is done too.
            syncRecords.setStatus(connection.id(), "event", stored.event().id(), SyncStatus.DONE, null, null);
        });
    }

    /** Schedules stored events that no job holds: lost between storing and scheduling, or resumed. */
    public void sweep() {
        jobs.handleEvents(transactions.system(() -> inbox.orphans(java.time.Instant.now().minusSeconds(5), 1000)));
    }

    public void recordAttempt(long eventId, SchedulerFactory.Failure failure) {
        InboxRepository.StoredEvent stored = transactions.system(() -> {
            inbox.recordFailedAttempt(eventId, failure.reason());
            return inbox.find(eventId).orElse(null);
        });
        logFailure(eventId, stored, failure);
    }

    private static void logFailure(long eventId, InboxRepository.StoredEvent stored, SchedulerFactory.Failure failure) {
        String what = stored == null ? "Event " + eventId : "Event " + eventId + " (" + stored.event().type() + ")";
        HandledFailureLog.failed(what, stored == null ? null : stored.tenantId(), stored == null ? null : stored.connectionId(),
                failure.attempt(), failure.retryIn(), failure.cause());
    }

    /** Gives up on an event: it and the records it touched are failed, with the reason, replayable. */
    public void park(long eventId, SchedulerFactory.Failure failure) {
        InboxRepository.StoredEvent stored = transactions.system(() -> inbox.find(eventId)).orElse(null);
        logFailure(eventId, stored, failure);
        if (stored == null) {
            return;
        }
        String reason = failure.reason();
        transactions.write(stored.tenantId(), () -> {
            inbox.markFailed(eventId, reason);
            List<SyncRecordStore.Row> touched = syncRecords.byEvent(eventId);
            if (touched.isEmpty()) {
                // Named after the object too, so a search for the payment or invoice id finds it.
                String about = stored.event().objectId() == null ? "" : " about " + stored.event().objectId();
                syncRecords.open(stored.tenantId(), stored.connectionId(), "event", stored.event().id(),
                        "Event " + stored.event().type() + about, eventId);
                syncRecords.setStatus(stored.connectionId(), "event", stored.event().id(), SyncStatus.FAILED, null, reason);
            }
            for (SyncRecordStore.Row row : touched) {
                if (row.record().status() != SyncStatus.DONE && row.record().status() != SyncStatus.SKIPPED) {
                    syncRecords.setStatus(stored.connectionId(), row.record().kind(), row.record().sourceId(), SyncStatus.FAILED, null, reason);
                }
            }
            audit.insert(AuditEntry.of(stored.tenantId(), "event.failed", "failed").connection(stored.connectionId())
                    .correlation(stored.event().id()).ids(stored.event().objectId(), null).message(reason));
        });
    }
}
