package io.mlconnector.platform.inbox;

import io.micronaut.context.BeanProvider;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * Stores a connection's events, however they arrived (a webhook delivery, a schedule's poll), once per
 * (connection, source, event id), with an audit entry each, in one transaction; then the new ones
 * can be queued for the same handling jobs.
 */
@Singleton
public class EventInbox {

    private final TenantTransactions transactions;
    private final InboxRepository inbox;
    private final AuditLog audit;
    private final BeanProvider<EventHandling> handling;

    public EventInbox(TenantTransactions transactions, InboxRepository inbox, AuditLog audit,
                      BeanProvider<EventHandling> handling) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.audit = audit;
        this.handling = handling;
    }

    /**
     * Stores the events; returns the ids of those that were new (the others were stored before).
     *
     * @param how e.g. "webhook" or "poll", in the audit entries
     */
    public List<Long> store(UUID tenantId, UUID connectionId, List<InboundEvent> events, String how) {
        return transactions.write(tenantId, () -> {
            List<Long> ids = inbox.store(tenantId, connectionId, events);
            audit.insertAll(events.stream().map(event -> AuditEntry.of(tenantId, "event.received", "stored")
                    .connection(connectionId).correlation(event.id()).ids(event.objectId(), null)
                    .message(how.equals("webhook") ? event.type() : event.type() + " (" + how + ")")).toList());
            return ids;
        });
    }

    /** Queues stored events for handling. */
    public void handle(List<Long> eventIds) {
        handling.get().handleEvents(eventIds);
    }
}
