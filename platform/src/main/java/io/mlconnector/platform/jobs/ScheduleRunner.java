package io.mlconnector.platform.jobs;

import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionRepository;
import io.mlconnector.platform.connections.ReconnectTracker;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.plugins.PluginCalls;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.runtime.ContextFactory;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/** Runs connections' periodic work (polls, payouts, token refresh) when it falls due. */
@Singleton
public class ScheduleRunner {

    private record Due(UUID connectionId, String scheduleId) {
    }

    private final TenantTransactions transactions;
    private final Sql sql;
    private final ConnectionRepository connections;
    private final PluginHost plugins;
    private final PluginCalls calls;
    private final ContextFactory contexts;
    private final Jobs jobs;
    private final AuditLog audit;
    private final ReconnectTracker reconnects;

    public ScheduleRunner(TenantTransactions transactions, Sql sql, ConnectionRepository connections, PluginHost plugins,
                          PluginCalls calls, ContextFactory contexts, Jobs jobs, AuditLog audit, ReconnectTracker reconnects) {
        this.reconnects = reconnects;
        this.transactions = transactions;
        this.sql = sql;
        this.connections = connections;
        this.plugins = plugins;
        this.calls = calls;
        this.contexts = contexts;
        this.jobs = jobs;
        this.audit = audit;
    }

    /** Moves every due schedule forward and queues one run of each. */
    public void dispatchDue() {
        List<Due> due = transactions.system(() -> sql.list(
                "UPDATE connection_schedules s SET next_run_at = now() + make_interval(secs => s.every_seconds) "
                        + "FROM connections c WHERE c.id = s.connection_id AND c.status = 'ACTIVE' AND s.next_run_at <= now() "
                        + "RETURNING s.connection_id, s.schedule_id",
                row -> new Due(row.getObject(1, UUID.class), row.getString(2))));
        due.forEach(d -> jobs.runSchedule(d.connectionId(), d.scheduleId()));
    }

    /** Runs the schedules of one connection that are due now, in this thread (e.g. as a Web Connector session starts). */
    public void runDueNow(UUID connectionId) {
        List<String> due = transactions.system(() -> sql.list(
                "UPDATE connection_schedules SET next_run_at = now() + make_interval(secs => every_seconds) "
                        + "WHERE connection_id = ? AND next_run_at <= now() RETURNING schedule_id",
                row -> row.getString(1), connectionId));
        due.forEach(scheduleId -> run(connectionId + "|" + scheduleId));
    }

    public void run(String instanceId) {
        int bar = instanceId.indexOf('|');
        UUID connectionId = UUID.fromString(instanceId.substring(0, bar));
        String scheduleId = instanceId.substring(bar + 1);
        Connection connection = transactions.system(() -> connections.findAnyTenant(connectionId)).orElse(null);
        if (connection == null || !connection.active()) {
            return;
        }
        var connector = plugins.connector(connection.connectorId()).orElse(null);
        if (connector == null) {
            return;
        }
        reconnects.watch(connection, () -> calls.run(connection.connectorId(), "runSchedule",
                () -> connector.connector().runSchedule(scheduleId, contexts.create(connection, null))));
        if (connection.lastError() != null) {
            // The scheduled work that kept failing works again.
            transactions.write(connection.tenantId(), () -> connections.recordError(connectionId, null));
        }
    }

    /** A run failed and will run again. */
    public void failed(String instanceId, SchedulerFactory.Failure failure) {
        logFailure(instanceId, failure);
    }

    public void giveUp(String instanceId, SchedulerFactory.Failure failure) {
        logFailure(instanceId, failure);
        int bar = instanceId.indexOf('|');
        UUID connectionId = UUID.fromString(instanceId.substring(0, bar));
        String reason = failure.reason();
        transactions.system(() -> connections.findAnyTenant(connectionId)).ifPresent(connection ->
                transactions.write(connection.tenantId(), () -> {
                    connections.recordError(connectionId, "Scheduled work '" + instanceId.substring(bar + 1) + "' keeps failing: " + reason);
                    audit.insert(AuditEntry.of(connection.tenantId(), "schedule.failed", "failed").connection(connectionId).message(reason));
                }));
    }

    private void logFailure(String instanceId, SchedulerFactory.Failure failure) {
        int bar = instanceId.indexOf('|');
        UUID connectionId = UUID.fromString(instanceId.substring(0, bar));
        UUID tenantId = transactions.system(() -> connections.findAnyTenant(connectionId)).map(Connection::tenantId).orElse(null);
        HandledFailureLog.failed("Scheduled work '" + instanceId.substring(bar + 1) + "'", tenantId, connectionId,
                failure.attempt(), failure.retryIn(), failure.cause());
    }
}
