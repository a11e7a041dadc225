package io.mlconnector.platform.qbwc;

import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Web Connector sessions in PostgreSQL, so any platform instance can serve any call of a session.
 * A ticket is 256 random bits; only its SHA-256 is stored. Methods without a tenant run inside the
 * caller's tenant transaction.
 */
@Singleton
class WebConnectorSessions {

    private static final String COLUMNS = "id, tenant_id, connection_id, state, created_at, expires_at, qbxml_version, last_error, "
            + "round_trips, sent, answered, failed, requeued, empty_sends, progress";

    private final Sql sql;
    private final TenantTransactions transactions;
    private final SecureRandom random = new SecureRandom();

    WebConnectorSessions(Sql sql, TenantTransactions transactions) {
        this.sql = sql;
        this.transactions = transactions;
    }

    /** A fresh ticket; nothing is stored until {@link #open}. */
    String newTicket() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    UUID open(UUID tenantId, UUID connectionId, String ticket, Instant now, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        sql.update("INSERT INTO web_connector_sessions (id, tenant_id, connection_id, ticket_hash, created_at, last_seen_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, tenantId, connectionId, hash(ticket), now, now, expiresAt);
        return id;
    }

    /** Platform work: the ticket is all a call carries, so the session is found before its tenant is known. */
    Optional<WebConnectorSession> byTicket(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 200) {
            return Optional.empty();
        }
        return transactions.system(() -> sql.one("SELECT " + COLUMNS + " FROM web_connector_sessions WHERE ticket_hash = ?",
                WebConnectorSessions::row, hash(ticket)));
    }

    Optional<WebConnectorSession> reload(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM web_connector_sessions WHERE id = ? FOR UPDATE", WebConnectorSessions::row, id);
    }

    /** Other sessions of the connection still marked open: a new session means they are over. */
    List<UUID> othersOpen(UUID connectionId) {
        return sql.list("SELECT id FROM web_connector_sessions WHERE connection_id = ? AND state = 'open' FOR UPDATE",
                row -> row.getObject("id", UUID.class), connectionId);
    }

    void touch(UUID id, Instant now, Instant expiresAt) {
        sql.update("UPDATE web_connector_sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?", now, expiresAt, id);
    }

    void recordHost(UUID id, String version, String companyFile, String country) {
        sql.update("UPDATE web_connector_sessions SET qbxml_version = coalesce(?, qbxml_version), "
                + "company_file = coalesce(?, company_file), country = coalesce(?, country) WHERE id = ?",
                version, companyFile, country, id);
    }

    void recordSent(UUID id, int requests) {
        sql.update("UPDATE web_connector_sessions SET round_trips = round_trips + 1, sent = sent + ?, empty_sends = 0 WHERE id = ?",
                requests, id);
    }

    void recordEmptySend(UUID id, String lastError) {
        sql.update("UPDATE web_connector_sessions SET empty_sends = empty_sends + 1, last_error = ? WHERE id = ?", lastError, id);
    }

    void recordOutcome(UUID id, int answered, int failed, int requeued, String lastError) {
        sql.update("UPDATE web_connector_sessions SET answered = answered + ?, failed = failed + ?, requeued = requeued + ?, "
                + "last_error = coalesce(?, last_error) WHERE id = ?", answered, failed, requeued, lastError, id);
    }

    void recordProgress(UUID id, int progress) {
        sql.update("UPDATE web_connector_sessions SET progress = ? WHERE id = ?", progress, id);
    }

    void recordError(UUID id, String lastError) {
        sql.update("UPDATE web_connector_sessions SET last_error = ? WHERE id = ?", lastError, id);
    }

    void close(UUID id, String state, Instant now) {
        sql.update("UPDATE web_connector_sessions SET state = ?, closed_at = ? WHERE id = ? AND state = 'open'", state, now, id);
    }

    static byte[] hash(String ticket) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebConnectorSession row(ResultSet row) throws SQLException {
        return new WebConnectorSession(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class),
                row.getObject("connection_id", UUID.class), row.getString("state"), Sql.instant(row, "created_at"),
                Sql.instant(row, "expires_at"), row.getString("qbxml_version"), row.getString("last_error"), row.getInt("round_trips"),
                row.getInt("sent"), row.getInt("answered"), row.getInt("failed"), row.getInt("requeued"), row.getInt("empty_sends"),
                row.getInt("progress"));
    }
}
