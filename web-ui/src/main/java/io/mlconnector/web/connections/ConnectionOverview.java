package io.mlconnector.web.connections;

import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.platform.connections.ConnectionService;
import io.mlconnector.platform.connections.ConnectionViews;
import io.mlconnector.platform.connections.ReconnectTracker;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.qbwc.WebConnectorAccount;
import io.mlconnector.platform.qbwc.WebConnectorAccounts;
import io.mlconnector.platform.sync.AlertStore;
import io.mlconnector.platform.sync.SyncRecordStore;
import io.mlconnector.web.support.Formats;
import io.mlconnector.web.support.PageNotFound;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Everything the dashboard and a connection's page show about a connection, read in one place. */
@Singleton
public class ConnectionOverview {

    /** The setting, shared by the platform's .qwc file, that says how often the Web Connector runs. */
    public static final String RUN_EVERY_SETTING = "qbwc_run_every_minutes";
    static final int DEFAULT_RUN_EVERY_MINUTES = 15;

    /** A connection with its health, its last 24 hours and what the Web Connector last did. */
    public record Summary(ConnectionViews.View view, ConnectorSpec spec, Health health, long synced, long waiting, long needsYou,
                          long failed, Instant lastActivity, WebConnectorAccount webConnector, String webConnectorSystem,
                          int runEveryMinutes, List<AlertStore.Alert> alerts) {

        public UUID id() {
            return view.id();
        }

        public boolean paused() {
            return "PAUSED".equals(view.status());
        }
    }

    private final ConnectionService connections;
    private final ConnectionViews views;
    private final PluginHost plugins;
    private final TenantTransactions transactions;
    private final SyncRecordStore records;
    private final AlertStore alerts;
    private final WebConnectorAccounts webConnectors;
    private final Formats formats;
    private final Clock clock;

    public ConnectionOverview(ConnectionService connections, ConnectionViews views, PluginHost plugins,
                              TenantTransactions transactions, SyncRecordStore records, AlertStore alerts,
                              WebConnectorAccounts webConnectors, Formats formats, Clock clock) {
        this.connections = connections;
        this.views = views;
        this.plugins = plugins;
        this.transactions = transactions;
        this.records = records;
        this.alerts = alerts;
        this.webConnectors = webConnectors;
        this.formats = formats;
        this.clock = clock;
    }

    public List<Summary> all(UUID tenantId) {
        return views.all(tenantId).stream().map(view -> summary(tenantId, view)).toList();
    }

    /** One connection of the tenant; another tenant's is not found. */
    public Summary one(UUID tenantId, UUID connectionId) {
        return summary(tenantId, view(tenantId, connectionId));
    }

    public ConnectionViews.View view(UUID tenantId, UUID connectionId) {
        try {
            return views.of(connections.get(tenantId, connectionId));
        } catch (NotFound e) {
            throw new PageNotFound();
        }
    }

    private Summary summary(UUID tenantId, ConnectionViews.View view) {
        Instant now = clock.instant();
        ConnectorSpec spec = plugins.connector(view.connectorId()).map(PluginHost.LoadedConnector::spec).orElse(null);
        record Read(Map<SyncStatus, Long> day, Map<SyncStatus, Long> open, Instant last, List<AlertStore.Alert> alerts) {
        }
        Read read = transactions.read(tenantId, () -> new Read(
                records.countsSince(view.id(), now.minus(Duration.ofHours(24))),
                records.countsSince(view.id(), Instant.EPOCH),
                records.list(new SyncRecordStore.Filter(view.id(), null, null, null, null), 0, 1).stream()
                        .map(row -> row.record().updatedAt()).findFirst().orElse(null),
                alerts.open(view.id())));
        WebConnectorAccount account = view.usesWebConnector() ? webConnectors.find(tenantId, view.id()).orElse(null) : null;
        String system = webConnectorSystem(spec);
        int runEvery = runEveryMinutes(view, spec);
        List<AlertStore.Alert> alerts = read.alerts().stream().filter(alert -> !aboutReconnect(alert)).toList();
        Health health = ConnectionHealth.of(new ConnectionHealth.Facts(view, read.open(), alerts.size(),
                alerts.isEmpty() ? null : alerts.get(0).subject(), account, system, runEvery, read.last(), now), formats);
        return new Summary(view, spec, health,
                read.day().getOrDefault(SyncStatus.DONE, 0L),
                read.day().getOrDefault(SyncStatus.PENDING, 0L) + read.day().getOrDefault(SyncStatus.WAITING_FOR_QUICKBOOKS, 0L),
                read.day().getOrDefault(SyncStatus.NEEDS_ATTENTION, 0L),
                read.day().getOrDefault(SyncStatus.FAILED, 0L),
                read.last(), account, system, runEvery, alerts);
    }

    /**
     * The alert the platform raises when a system refuses the credentials (it is also e-mailed). Pages
     * show the live "needs reconnect" state instead; the platform closes the alert on reconnect.
     */
    static boolean aboutReconnect(AlertStore.Alert alert) {
        return ReconnectTracker.ALERT_CORRELATION.equals(alert.correlation());
    }

    /** The name of the side reached through the Web Connector, as the connector calls it. */
    static String webConnectorSystem(ConnectorSpec spec) {
        return spec == null ? "the accounting system" : spec.systems().stream().filter(SystemSpec::viaWebConnector)
                .map(SystemSpec::name).findFirst().orElse("the accounting system");
    }

    static int runEveryMinutes(ConnectionViews.View view, ConnectorSpec spec) {
        String value = Optional.ofNullable(view.settings().get(RUN_EVERY_SETTING))
                .or(() -> Optional.ofNullable(spec).flatMap(s -> s.setting(RUN_EVERY_SETTING)).map(SettingField::defaultValue))
                .orElse(null);
        try {
            return value == null ? DEFAULT_RUN_EVERY_MINUTES : Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_RUN_EVERY_MINUTES;
        }
    }
}
