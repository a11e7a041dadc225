package io.mlconnector.platform.inbox;

import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.platform.database.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The inbox of received events: stored once per (connection, source, event id). */
@Singleton
public class InboxRepository {

    /** A stored event with its processing state. */
    public record StoredEvent(long id, UUID tenantId, UUID connectionId, InboundEvent event, String status, int attempts,
                              String lastError, Instant receivedAt) {
    }

    private static final int COLUMNS_PER_ROW = 8;

    private final Sql sql;

    public InboxRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Stores a batch in one statement. Returns the ids of the events that were new; duplicates of
     * events already stored are skipped silently.
     */
    public List<Long> store(UUID tenantId, UUID connectionId, List<InboundEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        StringBuilder statement = new StringBuilder(
                "INSERT INTO inbox_events (tenant_id, connection_id, source, external_id, event_type, object_id, occurred_at, payload) VALUES ");
        List<Object> parameters = new ArrayList<>(events.size() * COLUMNS_PER_ROW);
        for (int i = 0; i < events.size(); i++) {
            InboundEvent event = events.get(i);
            statement.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            parameters.add(tenantId);
            parameters.add(connectionId);
            parameters.add(event.source());
            parameters.add(event.id());
            parameters.add(event.type());
            parameters.add(event.objectId());
            parameters.add(event.occurredAt());
            parameters.add(event.payload());
        }
        statement.append(" ON CONFLICT (connection_id, source, external_id) DO NOTHING RETURNING id");
        return sql.list(statement.toString(), row -> row.getLong(1), parameters.toArray());
    }

    /** Platform work: a job knows only the event id. */
    public Optional<StoredEvent> find(long id) {
        return sql.one("SELECT * FROM inbox_events WHERE id = ?", InboxRepository::stored, id);
    }

    public void markDone(long id, String handledBy) {
        sql.update("UPDATE inbox_events SET status = 'DONE', handled_at = now(), handled_by = ?, attempts = attempts + 1, last_error = NULL "
                + "WHERE id = ?", handledBy, id);
    }

    public void recordFailedAttempt(long id, String error) {
        sql.update("UPDATE inbox_events SET attempts = attempts + 1, last_error = ? WHERE id = ?", error, id);
    }

    public void markFailed(long id, String error) {
        sql.update("UPDATE inbox_events SET status = 'FAILED', attempts = attempts + 1, last_error = ?, handled_at = now() WHERE id = ?",
                error, id);
    }

    /** Puts an event back in line for another try (replay). */
    public boolean reopen(long id) {
        return sql.update("UPDATE inbox_events SET status = 'PENDING', attempts = 0, last_error = NULL, handled_at = NULL "
                + "WHERE id = ? AND tenant_id = current_tenant()", id) == 1;
    }

    /** Pending events of active connections that no job holds (lost between storing and scheduling, or resumed). */
    /** Events of a connection still waiting to be handled, oldest first. */
    public List<Long> pending(UUID connectionId, int limit) {
        return sql.list("SELECT id FROM inbox_events WHERE connection_id = ? AND status = 'PENDING' ORDER BY id LIMIT ?",
                row -> row.getLong(1), connectionId, limit);
    }

    public List<Long> orphans(Instant receivedBefore, int limit) {
        return sql.list("SELECT i.id FROM inbox_events i JOIN connections c ON c.id = i.connection_id "
                        + "WHERE i.status = 'PENDING' AND c.status = 'ACTIVE' AND i.received_at < ? "
                        + "AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t WHERE t.task_name = 'inbox-event' AND t.task_instance = i.id::text) "
                        + "ORDER BY i.id LIMIT ?",
                row -> row.getLong(1), receivedBefore, limit);
    }

    private static StoredEvent stored(ResultSet row) throws SQLException {
        InboundEvent event = new InboundEvent(row.getString("source"), row.getString("external_id"), row.getString("event_type"),
                row.getString("object_id"), Sql.instant(row, "occurred_at"), row.getString("payload"));
        return new StoredEvent(row.getLong("id"), row.getObject("tenant_id", UUID.class), row.getObject("connection_id", UUID.class),
                event, row.getString("status"), row.getInt("attempts"), row.getString("last_error"), Sql.instant(row, "received_at"));
    }
}
