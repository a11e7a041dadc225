package io.mlconnector.platform.qbwc;

import io.mlconnector.platform.database.Sql;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The session side of the queue: picking the next message's requests, and recording what became of
 * them. Every method runs inside the caller's tenant transaction.
 */
@Singleton
class QueuedRequests {

    private static final String COLUMNS = "id, request_id, request_type, fragment, purpose, correlation, independent, order_group, "
            + "group_position, send_alone, attempts, status, stale_mod, rereads";
    /** Queued and not failed already in this session. */
    private static final String WAITING = "connection_id = ? AND status = 'queued' AND (skip_session IS NULL OR skip_session <> ?)";

    private final Sql sql;

    QueuedRequests(Sql sql) {
        this.sql = sql;
    }

    /**
     * Takes the requests of the next message and marks them sent in the session: an ordered group
     * whole, a request that must travel alone, or up to {@code batchSize} independent requests.
     */
    Claimed claim(UUID connectionId, UUID sessionId, int batchSize, Instant now) {
        for (int tries = 0; tries < 3; tries++) {
            Optional<QueuedRequest> first = sql.one("SELECT " + COLUMNS + " FROM web_connector_requests WHERE " + WAITING
                    + " ORDER BY id LIMIT 1", QueuedRequests::row, connectionId, sessionId);
            if (first.isEmpty()) {
                return new Claimed(List.of(), false);
            }
            QueuedRequest head = first.get();
            List<QueuedRequest> rows;
            boolean stopOnError;
            if (head.orderGroup() != null) {
                rows = sql.list("SELECT " + COLUMNS + " FROM web_connector_requests WHERE order_group = ? AND status = 'queued' "
                        + "ORDER BY group_position FOR UPDATE SKIP LOCKED", QueuedRequests::row, head.orderGroup());
                stopOnError = true;
            } else if (!head.batchable()) {
                rows = sql.list("SELECT " + COLUMNS + " FROM web_connector_requests WHERE id = ? AND status = 'queued' "
                        + "FOR UPDATE SKIP LOCKED", QueuedRequests::row, head.id());
                stopOnError = true;
            } else {
                rows = sql.list("SELECT " + COLUMNS + " FROM web_connector_requests WHERE " + WAITING
                                + " AND independent AND NOT send_alone AND order_group IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                        QueuedRequests::row, connectionId, sessionId, batchSize);
                stopOnError = false;
            }
            if (!rows.isEmpty()) {
                sql.update("UPDATE web_connector_requests SET status = 'sent', session_id = ?, sent_at = ? WHERE id = ANY (?)",
                        sessionId, now, ids(rows));
                return new Claimed(rows, stopOnError);
            }
            // Another session took them between the look and the lock: look again.
        }
        return new Claimed(List.of(), false);
    }

    /** The requests of one message. */
    record Claimed(List<QueuedRequest> requests, boolean stopOnError) {
    }

    /** The requests of the session's outstanding message, in the order they were sent. */
    List<QueuedRequest> inFlight(UUID sessionId) {
        return sql.list("SELECT " + COLUMNS + " FROM web_connector_requests WHERE session_id = ? AND status = 'sent' "
                + "ORDER BY group_position NULLS FIRST, id", QueuedRequests::row, sessionId);
    }

    /** A response for a request that was put back in the queue meanwhile (its session was given up on). */
    Optional<QueuedRequest> waiting(UUID connectionId, String requestId) {
        return sql.one("SELECT " + COLUMNS + " FROM web_connector_requests WHERE connection_id = ? AND request_id = ? AND status = 'queued' "
                + "FOR UPDATE", QueuedRequests::row, connectionId, requestId);
    }

    int waitingCount(UUID connectionId, UUID sessionId) {
        return sql.one("SELECT count(*) FROM web_connector_requests WHERE " + WAITING, row -> row.getInt(1), connectionId, sessionId)
                .orElse(0);
    }

    /** One answered request: the response element stays until the plugin has had it. */
    record Answer(long id, UUID sessionId, Integer statusCode, String response) {
    }

    void answered(List<Answer> answers, Instant now) {
        if (answers.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(answers.size());
        for (Answer answer : answers) {
            rows.add(new Object[] {answer.statusCode(), answer.response(), now, answer.sessionId(), answer.id()});
        }
        sql.batch("UPDATE web_connector_requests SET status = 'answered', status_code = ?, response = ?, finished_at = ?, "
                + "session_id = ?, last_error = NULL WHERE id = ?", rows);
    }

    /** Back in the queue, to travel alone from now on (QuickBooks refused the batch it was in). */
    void requeueAlone(Collection<QueuedRequest> requests, String error) {
        if (!requests.isEmpty()) {
            sql.update("UPDATE web_connector_requests SET status = 'queued', session_id = NULL, send_alone = true, last_error = ? "
                    + "WHERE id = ANY (?)", error, ids(requests));
        }
    }

    /** Back in the queue for the next session, one attempt used. */
    void requeueForNextSession(Collection<QueuedRequest> requests, UUID sessionId, String error) {
        if (!requests.isEmpty()) {
            sql.update("UPDATE web_connector_requests SET status = 'queued', session_id = NULL, skip_session = ?, "
                    + "attempts = attempts + 1, last_error = ? WHERE id = ANY (?)", sessionId, error, ids(requests));
        }
    }

    /**
     * A Mod QuickBooks found out of date becomes the query that reads its object again: back at its
     * place in the queue, with the Mod and QuickBooks' answer to it kept aside.
     */
    void rereadFirst(QueuedRequest mod, RequestFragment query, String modAnswer, Integer statusCode) {
        sql.update("UPDATE web_connector_requests SET status = 'queued', session_id = NULL, skip_session = NULL, attempts = 0, "
                        + "request_type = ?, fragment = ?, stale_mod = ?, response = ?, status_code = ?, rereads = rereads + 1, "
                        + "last_error = NULL WHERE id = ?",
                query.type(), query.xml(), mod.fragment(), modAnswer, statusCode, mod.id());
    }

    /** The object was read: the Mod goes back in the queue, carrying the EditSequence just read. */
    void retryMod(long id, RequestFragment mod) {
        sql.update("UPDATE web_connector_requests SET status = 'queued', session_id = NULL, skip_session = NULL, attempts = 0, "
                + "request_type = ?, fragment = ?, stale_mod = NULL, response = NULL, status_code = NULL, last_error = NULL "
                + "WHERE id = ?", mod.type(), mod.xml(), id);
    }

    /**
     * The object could not be read again: the row is the Mod again, answered with what QuickBooks
     * said to it. Returns that answer.
     */
    String settleWithModAnswer(long id, String modType, UUID sessionId, Instant now) {
        return sql.one("UPDATE web_connector_requests SET status = 'answered', request_type = ?, fragment = stale_mod, "
                        + "stale_mod = NULL, session_id = coalesce(?, session_id), finished_at = ?, last_error = NULL "
                        + "WHERE id = ? AND stale_mod IS NOT NULL RETURNING response",
                row -> row.getString(1), modType, sessionId, now, id)
                .orElseThrow(() -> new IllegalStateException("Queue row " + id + " is not reading an object again"));
    }

    /** Given up: the plugin is told with the error. */
    void failed(Collection<QueuedRequest> requests, String error, Instant now) {
        if (!requests.isEmpty()) {
            sql.update("UPDATE web_connector_requests SET status = 'failed', attempts = attempts + 1, last_error = ?, finished_at = ?, "
                    + "response = NULL WHERE id = ANY (?)", error, now, ids(requests));
        }
    }

    /** Not run because an earlier request of its ordered group failed; no attempt is counted against it. */
    void notRun(Collection<QueuedRequest> requests, String error, Instant now) {
        if (!requests.isEmpty()) {
            sql.update("UPDATE web_connector_requests SET status = 'failed', last_error = ?, finished_at = ?, response = NULL "
                    + "WHERE id = ANY (?)", error, now, ids(requests));
        }
    }

    /**
     * Settles the requests a session sent without getting their answers (it died, or QuickBooks timed
     * out). Queries go back in line: asking twice changes nothing. Anything else may or may not have
     * been done by QuickBooks, so sending it again could post it twice: its connector is told the
     * outcome is unknown and decides, typically by searching QuickBooks before trying again.
     */
    int requeueInFlight(UUID sessionId) {
        int requeued = sql.update("UPDATE web_connector_requests SET status = 'queued', session_id = NULL "
                + "WHERE session_id = ? AND status = 'sent' AND request_type LIKE '%QueryRq'", sessionId);
        int unknown = sql.update("UPDATE web_connector_requests SET status = 'failed', session_id = NULL, finished_at = now(), "
                + "attempts = attempts + 1, response = NULL, last_error = ? WHERE session_id = ? AND status = 'sent'",
                OUTCOME_UNKNOWN, sessionId);
        return requeued + unknown;
    }

    static final String OUTCOME_UNKNOWN = "The Web Connector session ended before QuickBooks answered this request, "
            + "so it is not known whether QuickBooks carried it out. It was not sent again.";

    /** Answered or failed requests whose plugin has not had the outcome yet. */
    List<Undelivered> undelivered(UUID connectionId, Instant finishedBefore, int limit) {
        return sql.list("SELECT id, request_id, purpose, correlation, status, response, last_error FROM web_connector_requests "
                        + "WHERE connection_id = ? AND delivered_at IS NULL AND status IN ('answered', 'failed') AND finished_at < ? "
                        + "ORDER BY id LIMIT ?",
                row -> new Undelivered(row.getLong("id"), row.getString("request_id"), row.getString("purpose"),
                        row.getString("correlation"), "answered".equals(row.getString("status")) ? row.getString("response") : null,
                        row.getString("last_error")),
                connectionId, finishedBefore, limit);
    }

    record Undelivered(long id, String requestId, String purpose, String correlation, String response, String error) {
    }

    void delivered(Collection<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            sql.update("UPDATE web_connector_requests SET delivered_at = ?, response = NULL WHERE id = ANY (?)", now,
                    array(ids.toArray(Long[]::new)));
        }
    }

    private Array ids(Collection<QueuedRequest> requests) {
        return array(requests.stream().map(QueuedRequest::id).toArray(Long[]::new));
    }

    private Array array(Long[] ids) {
        try {
            return sql.connection().createArrayOf("bigint", ids);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not pass request ids to PostgreSQL", e);
        }
    }

    static QueuedRequest row(ResultSet row) throws SQLException {
        return new QueuedRequest(row.getLong("id"), row.getString("request_id"), row.getString("request_type"), row.getString("fragment"),
                row.getString("purpose"), row.getString("correlation"), row.getBoolean("independent"),
                row.getObject("order_group", UUID.class), (Integer) row.getObject("group_position"), row.getBoolean("send_alone"),
                row.getInt("attempts"), row.getString("status"), row.getString("stale_mod"), row.getInt("rereads"));
    }
}
