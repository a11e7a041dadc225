package io.mlconnector.platform.sync;

import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.platform.database.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sync records, always inside the owning tenant's transaction. */
@Singleton
public class SyncRecordStore {

    /**
     * A record with the connection it belongs to, the event that last touched it and, while it waits
     * for a person, the question they must answer (null otherwise).
     */
    public record Row(SyncRecord record, UUID connectionId, Long lastEventId, MatchQuestion question) {
    }

    /** Filters for listing; any may be null. */
    public record Filter(UUID connectionId, SyncStatus status, String text, java.time.Instant from, java.time.Instant to) {
    }

    private static final String COLUMNS = "id, connection_id, kind, source_id, target_id, status, attempts, last_error, summary, updated_at, last_event_id, "
            + "match_kind, match_source_id, match_noun, match_list";

    private final Sql sql;

    public SyncRecordStore(Sql sql) {
        this.sql = sql;
    }

    public SyncRecord open(UUID tenantId, UUID connectionId, String kind, String sourceId, String summary, Long eventId) {
        return sql.one("INSERT INTO sync_records (id, tenant_id, connection_id, kind, source_id, status, summary, last_event_id) "
                        + "VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?) "
                        + "ON CONFLICT (connection_id, kind, source_id) DO UPDATE SET "
                        + "summary = COALESCE(excluded.summary, sync_records.summary), "
                        + "last_event_id = COALESCE(excluded.last_event_id, sync_records.last_event_id), "
                        + "attempts = sync_records.attempts + 1, updated_at = now() "
                        + "RETURNING " + COLUMNS,
                row -> row(row).record(), UUID.randomUUID(), tenantId, connectionId, kind, sourceId, summary, eventId).orElseThrow();
    }

    /** Changes the status; any question asked earlier no longer stands. */
    public void setStatus(UUID connectionId, String kind, String sourceId, SyncStatus status, String targetId, String error) {
        sql.update("UPDATE sync_records SET status = ?, target_id = COALESCE(?, target_id), last_error = ?, updated_at = now(), "
                + "match_kind = NULL, match_source_id = NULL, match_noun = NULL, match_list = NULL "
                + "WHERE connection_id = ? AND kind = ? AND source_id = ?", status.name(), targetId, error, connectionId, kind, sourceId);
    }

    /** Holds the record for a person, with the question they must answer. */
    public void ask(UUID connectionId, String kind, String sourceId, String reason, MatchQuestion question) {
        sql.update("UPDATE sync_records SET status = 'NEEDS_ATTENTION', last_error = ?, updated_at = now(), "
                        + "match_kind = ?, match_source_id = ?, match_noun = ?, match_list = ? "
                        + "WHERE connection_id = ? AND kind = ? AND source_id = ?", reason, question.ledgerKind(),
                question.sourceId(), question.noun(), question.pickList(), connectionId, kind, sourceId);
    }

    public Optional<SyncRecord> find(UUID connectionId, String kind, String sourceId) {
        return sql.one("SELECT " + COLUMNS + " FROM sync_records WHERE connection_id = ? AND kind = ? AND source_id = ?",
                row -> row(row).record(), connectionId, kind, sourceId);
    }

    public Optional<Row> find(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM sync_records WHERE id = ? AND tenant_id = current_tenant()", SyncRecordStore::row, id);
    }

    /** Other records of the connection held for a person with the same question, e.g. more payments of one payer. */
    public List<UUID> askingTheSame(UUID connectionId, MatchQuestion question, UUID except) {
        return sql.list("SELECT id FROM sync_records WHERE connection_id = ? AND status = 'NEEDS_ATTENTION' AND match_kind = ? "
                        + "AND match_source_id = ? AND id <> ? AND last_event_id IS NOT NULL ORDER BY updated_at",
                row -> row.getObject(1, UUID.class), connectionId, question.ledgerKind(), question.sourceId(), except);
    }

    /** Records touched by an event, for parking them when the event fails for good. */
    public List<Row> byEvent(long eventId) {
        return sql.list("SELECT " + COLUMNS + " FROM sync_records WHERE last_event_id = ?", SyncRecordStore::row, eventId);
    }

    public List<Row> list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder("WHERE tenant_id = current_tenant()");
        List<Object> parameters = new ArrayList<>();
        if (filter.connectionId() != null) {
            where.append(" AND connection_id = ?");
            parameters.add(filter.connectionId());
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            parameters.add(filter.status().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" AND (source_id ILIKE ? OR target_id ILIKE ? OR summary ILIKE ?)");
            String like = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            parameters.add(like);
            parameters.add(like);
            parameters.add(like);
        }
        if (filter.from() != null) {
            where.append(" AND updated_at >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND updated_at < ?");
            parameters.add(filter.to());
        }
        parameters.add(size);
        parameters.add((long) page * size);
        return sql.list("SELECT " + COLUMNS + " FROM sync_records " + where + " ORDER BY updated_at DESC, id LIMIT ? OFFSET ?",
                SyncRecordStore::row, parameters.toArray());
    }

    /** Counts by status since a moment, for dashboards. */
    public java.util.Map<SyncStatus, Long> countsSince(UUID connectionId, java.time.Instant since) {
        java.util.Map<SyncStatus, Long> counts = new java.util.EnumMap<>(SyncStatus.class);
        sql.list("SELECT status, count(*) FROM sync_records WHERE connection_id = ? AND tenant_id = current_tenant() AND updated_at >= ? GROUP BY status",
                row -> counts.put(SyncStatus.valueOf(row.getString(1)), row.getLong(2)), connectionId, since);
        return counts;
    }

    private static Row row(ResultSet row) throws SQLException {
        long eventId = row.getLong("last_event_id");
        Long lastEvent = row.wasNull() ? null : eventId;
        return new Row(new SyncRecord(row.getObject("id", UUID.class), row.getString("kind"), row.getString("source_id"),
                row.getString("target_id"), SyncStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                row.getString("last_error"), row.getString("summary"), Sql.instant(row, "updated_at")),
                row.getObject("connection_id", UUID.class), lastEvent, question(row));
    }

    private static MatchQuestion question(ResultSet row) throws SQLException {
        String kind = row.getString("match_kind");
        return kind == null ? null
                : new MatchQuestion(kind, row.getString("match_source_id"), row.getString("match_noun"), row.getString("match_list"));
    }
}
