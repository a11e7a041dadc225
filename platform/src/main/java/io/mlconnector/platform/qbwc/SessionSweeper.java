package io.mlconnector.platform.qbwc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends Web Connector sessions nobody used within the idle timeout (the Web Connector died, the
 * machine slept): requests they carried go back in the queue. Also forgets finished requests and
 * sessions after {@link QbwcSettings#keepFinished()}; the audit log keeps their story. Safe to run
 * on every instance at once.
 */
@Singleton
@Requires(property = "ml.qbwc.sweeper.enabled", notEquals = "false")
public class SessionSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSweeper.class);

    private final Sql sql;
    private final TenantTransactions transactions;
    private final AuditLog audit;
    private final QueuedRequests requests;
    private final QbwcSettings settings;
    private final Clock clock;

    public SessionSweeper(Sql sql, TenantTransactions transactions, AuditLog audit, QbwcSettings settings, Clock clock,
                          QueuedRequests requests) {
        this.requests = requests;
        this.sql = sql;
        this.transactions = transactions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${ml.qbwc.sweeper.interval:1m}", initialDelay = "${ml.qbwc.sweeper.interval:1m}")
    void sweep() {
        try {
            Instant now = clock.instant();
            expire(now);
            forgetFinished(now);
        } catch (RuntimeException e) {
            LOG.error("Sweeping expired Web Connector sessions failed; the next run tries again", e);
        }
    }

    /** Platform work across tenants: returns how many sessions ended. */
    public int expire(Instant now) {
        record Expired(UUID id, UUID tenantId, UUID connectionId) {
        }
        return transactions.system(() -> {
            List<Expired> expired = sql.list("SELECT id, tenant_id, connection_id FROM web_connector_sessions "
                            + "WHERE state = 'open' AND expires_at < ? ORDER BY expires_at LIMIT 500 FOR UPDATE SKIP LOCKED",
                    row -> new Expired(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class),
                            row.getObject("connection_id", UUID.class)), now);
            for (Expired session : expired) {
                int unanswered = requests.requeueInFlight(session.id());
                sql.update("UPDATE web_connector_sessions SET state = 'expired', closed_at = ? WHERE id = ?", now, session.id());
                if (unanswered > 0) {
                    audit.insertAll(List.of(AuditEntry.of(session.tenantId(), "qbwc.session", "expired").connection(session.connectionId())
                            .message("The Web Connector stopped answering; " + unanswered
                                    + " requests it was carrying were settled: queries go back in the queue, other requests are "
                                    + "reported to their connector as not known")));
                }
            }
            return expired.size();
        });
    }

    private void forgetFinished(Instant now) {
        Instant before = now.minus(settings.keepFinished());
        transactions.system(() -> {
            sql.update("DELETE FROM web_connector_requests WHERE status IN ('answered', 'failed') AND delivered_at IS NOT NULL "
                    + "AND finished_at < ?", before);
            sql.update("DELETE FROM web_connector_sessions WHERE state <> 'open' AND closed_at < ?", before);
            return null;
        });
    }
}
