package io.mlconnector.platform.runtime;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.qbd.QuickBooksResponse;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionRepository;
import io.mlconnector.platform.connections.ReconnectTracker;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.jobs.ScheduleRunner;
import io.mlconnector.platform.plugins.PluginCalls;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.qbwc.QuickBooksResponseHandler;
import io.mlconnector.platform.qbwc.WebConnectorSessionListener;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Joins the Web Connector service to the connectors: each QuickBooks answer goes to the
 * connection's connector, and when a Web Connector signs in the connection's due schedules run first,
 * so the queries they queue count as work for that session.
 */
@Singleton
public class QuickBooksDelivery implements QuickBooksResponseHandler, WebConnectorSessionListener {

    private final TenantTransactions transactions;
    private final ConnectionRepository connections;
    private final PluginHost plugins;
    private final PluginCalls calls;
    private final ContextFactory contexts;
    private final ScheduleRunner schedules;
    private final AuditLog audit;
    private final ReconnectTracker reconnects;

    public QuickBooksDelivery(TenantTransactions transactions, ConnectionRepository connections, PluginHost plugins,
                              PluginCalls calls, ContextFactory contexts, ScheduleRunner schedules, AuditLog audit,
                              ReconnectTracker reconnects) {
        this.reconnects = reconnects;
        this.transactions = transactions;
        this.connections = connections;
        this.plugins = plugins;
        this.calls = calls;
        this.contexts = contexts;
        this.schedules = schedules;
        this.audit = audit;
    }

    @Override
    public void deliver(UUID tenantId, UUID connectionId, QuickBooksResponse response) {
        Connection connection = transactions.read(tenantId, () -> connections.find(connectionId)).orElse(null);
        if (connection == null) {
            return;
        }
        PluginHost.LoadedConnector connector = plugins.connector(connection.connectorId())
                .orElseThrow(() -> new IllegalStateException("The connector '" + connection.connectorId() + "' is not installed"));
        try {
            // A refusal of the credentials is passed on: the answer is kept for a later session.
            reconnects.watch(connection, () -> calls.run(connection.connectorId(), "onQuickBooksResponse",
                    () -> connector.connector().onQuickBooksResponse(response, contexts.create(connection, null))));
        } catch (CannotProcess e) {
            // Delivering it again would fail the same way; the connector has said why.
            audit.append(AuditEntry.of(tenantId, "qbd.response.unprocessable", "failed").connection(connectionId)
                    .correlation(response.correlation()).message(e.getMessage()));
        }
    }

    @Override
    public void sessionStarting(UUID tenantId, UUID connectionId) {
        schedules.runDueNow(connectionId);
    }
}
