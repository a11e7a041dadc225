package io.mlconnector.platform.connections;

import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.platform.alerts.AlertMailer;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.sync.AlertStore;
import io.mlconnector.platform.jobs.Jobs;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.inbox.InboxRepository;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Keeps "needs reconnect" true to what the connectors report: set when a system refuses the stored
 * credentials (people are told once, not at every retry), cleared only when a connection check
 * passes (pressed by a person, or run when new credentials are saved). Work that happens not to
 * touch the refusing system proves nothing, so it does not clear the mark.
 */
@Singleton
public class ReconnectTracker {

    private final TenantTransactions transactions;
    private final ConnectionRepository connections;
    private final AlertStore alerts;
    private final AlertMailer mailer;
    private final AuditLog audit;
    private final InboxRepository inbox;
    private final Jobs jobs;
    private final PluginHost plugins;

    /** The correlation of the alert raised for refused credentials; it closes by itself on reconnect. */
    public static final String ALERT_CORRELATION = "connection:reconnect";

    /** Events run again at once after a reconnect; any beyond keep their scheduled retry. */
    static final int WAITING_RUN_AT_ONCE = 10_000;

    public ReconnectTracker(TenantTransactions transactions, ConnectionRepository connections, AlertStore alerts,
                            AlertMailer mailer, AuditLog audit, InboxRepository inbox, Jobs jobs, PluginHost plugins) {
        this.plugins = plugins;
        this.inbox = inbox;
        this.jobs = jobs;
        this.transactions = transactions;
        this.connections = connections;
        this.alerts = alerts;
        this.mailer = mailer;
        this.audit = audit;
    }

    /** Runs work of a connection's connector, noting a refusal of its credentials before passing it on. */
    public void watch(Connection connection, Runnable work) {
        try {
            work.run();
        } catch (CredentialsRejected e) {
            rejected(connection, e);
            throw e;
        }
    }

    public void rejected(Connection connection, CredentialsRejected rejection) {
        String subject = "Reconnect " + connection.name() + ": " + systemName(connection, rejection.system())
                + " refused its credentials";
        String detail = rejection.getMessage() + " Nothing is lost: work waits and runs again once new credentials are "
                + "entered under Credentials and Test connection passes.";
        boolean newly = transactions.write(connection.tenantId(), () -> {
            boolean first = connections.needsReconnect(connection.id(), rejection.system(), rejection.getMessage());
            if (first) {
                alerts.raise(connection.tenantId(), connection.id(), subject, detail, ALERT_CORRELATION);
                audit.insert(AuditEntry.of(connection.tenantId(), "connection.needs-reconnect", "failed")
                        .connection(connection.id()).message(rejection.system() + ": " + rejection.getMessage()));
            }
            return first;
        });
        if (newly) {
            mailer.send(connection.tenantId(), connection.id(), subject, detail);
        }
    }

    /**
     * Called when a connection check passed: clears the mark if the connection had one, and runs
     * the work that waited for new credentials now rather than at its next retry.
     */
    public void accepted(Connection connection) {
        if (connection.reconnect() == null) {
            return;
        }
        List<Long> waiting = transactions.write(connection.tenantId(), () -> {
            if (!connections.reconnected(connection.id())) {
                return List.<Long>of();
            }
            alerts.acknowledgeAll(connection.id(), ALERT_CORRELATION);
            audit.insert(AuditEntry.of(connection.tenantId(), "connection.reconnected", "ok").connection(connection.id())
                    .message(connection.reconnect().system() + " accepts the credentials again"));
            return inbox.pending(connection.id(), WAITING_RUN_AT_ONCE);
        });
        waiting.forEach(jobs::rerun);
    }

    private String systemName(Connection connection, String system) {
        return plugins.connector(connection.connectorId()).flatMap(c -> c.spec().systems().stream()
                .filter(s -> s.id().equals(system)).map(io.mlconnector.api.spec.SystemSpec::name).findFirst()).orElse(system);
    }
}
