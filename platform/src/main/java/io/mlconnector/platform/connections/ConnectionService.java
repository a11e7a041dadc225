package io.mlconnector.platform.connections;

import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.ScheduleSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.people.InvalidInput;
import io.mlconnector.platform.plugins.PluginCalls;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.runtime.ContextFactory;
import io.mlconnector.platform.vault.CredentialVault;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creating, configuring, checking, pausing and deleting a tenant's connections. */
@Singleton
public class ConnectionService {

    private final SecureRandom random = new SecureRandom();
    private final TenantTransactions transactions;
    private final ConnectionRepository connections;
    private final CredentialVault vault;
    private final PluginHost plugins;
    private final PluginCalls calls;
    private final ContextFactory contexts;
    private final AuditLog audit;
    private final Sql sql;
    private final ReconnectTracker reconnects;
    private final SettingChoices settingChoices;

    public ConnectionService(TenantTransactions transactions, ConnectionRepository connections, CredentialVault vault,
                             PluginHost plugins, PluginCalls calls, ContextFactory contexts, AuditLog audit, Sql sql,
                             ReconnectTracker reconnects, SettingChoices settingChoices) {
        this.settingChoices = settingChoices;
        this.reconnects = reconnects;
        this.transactions = transactions;
        this.connections = connections;
        this.vault = vault;
        this.plugins = plugins;
        this.calls = calls;
        this.contexts = contexts;
        this.audit = audit;
        this.sql = sql;
    }

    public Connection create(UUID tenantId, String connectorId, String name, Map<String, String> credentials,
                             Map<String, String> settings) {
        ConnectorSpec spec = plugins.connector(connectorId == null ? "" : connectorId)
                .orElseThrow(() -> InvalidInput.of("connectorId", "No connector '" + connectorId + "' is installed."))
                .spec();
        String displayName = name == null || name.isBlank() ? spec.name() : name.trim();
        if (displayName.length() > 200) {
            throw InvalidInput.of("name", "Use at most 200 characters.");
        }
        Map<String, String> cleanSettings = validSettings(spec, settings == null ? Map.of() : settings, Map.of());
        Map<String, String> cleanCredentials = validCredentials(spec, credentials == null ? Map.of() : credentials);
        Connection created = transactions.write(tenantId, () -> {
            Connection connection = connections.insert(tenantId, spec.id(), displayName, newWebhookToken(), cleanSettings);
            scheduleWork(connection, spec);
            audit.insert(AuditEntry.of(tenantId, "connection.created", "ok").connection(connection.id())
                    .message("Connection '" + displayName + "' for " + spec.name() + " created"));
            return connection;
        });
        cleanCredentials.forEach((key, value) -> vault.put(tenantId, created.id(), key, value));
        return created;
    }

    public Connection get(UUID tenantId, UUID connectionId) {
        return transactions.read(tenantId, () -> connections.find(connectionId)).orElseThrow(() -> new NotFound("Connection"));
    }

    /** Stores the given credentials; a blank value keeps what is stored. Values are never echoed. */
    public void updateCredentials(UUID tenantId, UUID connectionId, Map<String, String> values) {
        Connection connection = get(tenantId, connectionId);
        ConnectorSpec spec = spec(connection);
        Map<String, String> given = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(key, value.trim());
            }
        });
        Map<String, String> problems = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            String problem = credentialProblem(spec, key, value);
            if (problem != null) {
                problems.put(key, problem);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        given.forEach((key, value) -> vault.put(tenantId, connectionId, key, value));
        audit.append(AuditEntry.of(tenantId, "connection.credentials.changed", "ok").connection(connectionId)
                .message("Credentials changed: " + String.join(", ", given.keySet())));
        if (connection.reconnect() != null && !given.isEmpty()) {
            // New credentials for a connection that needs them: try them at once, so the waiting work runs.
            try {
                check(tenantId, connectionId);
            } catch (RuntimeException e) {
                audit.append(AuditEntry.of(tenantId, "connection.checked", "problem").connection(connectionId)
                        .message("The new credentials could not be tried: " + e.getMessage()));
            }
        }
    }

    public Connection updateSettings(UUID tenantId, UUID connectionId, Map<String, String> values) {
        Connection connection = get(tenantId, connectionId);
        ConnectorSpec spec = spec(connection);
        Map<String, String> listProblems = settingChoices.problems(tenantId, connectionId, spec, values, connection.settings());
        Map<String, String> clean;
        try {
            clean = validSettings(spec, values, connection.settings());
        } catch (InvalidInput e) {
            Map<String, String> all = new LinkedHashMap<>(listProblems);
            all.putAll(e.fieldErrors());
            throw new InvalidInput(all);
        }
        if (!listProblems.isEmpty()) {
            throw new InvalidInput(listProblems);
        }
        return transactions.write(tenantId, () -> {
            connections.updateSettings(connectionId, clean);
            audit.insert(AuditEntry.of(tenantId, "connection.settings.changed", "ok").connection(connectionId));
            return connections.find(connectionId).orElseThrow();
        });
    }

    public CheckResult check(UUID tenantId, UUID connectionId) {
        Connection connection = get(tenantId, connectionId);
        PluginHost.LoadedConnector connector = plugins.connector(connection.connectorId())
                .orElseThrow(() -> InvalidInput.of("connectorId", "The connector of this connection is not installed."));
        CheckResult result = calls.call(connection.connectorId(), "check",
                () -> connector.connector().check(contexts.create(connection, null)));
        audit.append(AuditEntry.of(tenantId, "connection.checked", result.allOk() ? "ok" : "problem").connection(connectionId)
                .message(result.sides().stream().map(s -> s.system() + ": " + s.message()).reduce((a, b) -> a + " | " + b).orElse("")));
        if (result.allOk()) {
            reconnects.accepted(connection);
        }
        return result;
    }

    public void setStatus(UUID tenantId, UUID connectionId, Connection.Status status) {
        get(tenantId, connectionId);
        transactions.write(tenantId, () -> {
            connections.updateStatus(connectionId, status);
            audit.insert(AuditEntry.of(tenantId, status == Connection.Status.PAUSED ? "connection.paused" : "connection.resumed", "ok")
                    .connection(connectionId));
        });
    }

    public void delete(UUID tenantId, UUID connectionId) {
        get(tenantId, connectionId);
        transactions.write(tenantId, () -> {
            connections.delete(connectionId);
            audit.insert(AuditEntry.of(tenantId, "connection.deleted", "ok").correlation(connectionId.toString()));
        });
    }

    public ConnectorSpec spec(Connection connection) {
        return plugins.connector(connection.connectorId()).map(PluginHost.LoadedConnector::spec)
                .orElseThrow(() -> new IllegalStateException("The connector '" + connection.connectorId() + "' is not installed"));
    }

    /**
     * A new connection's periodic work is due at once: its first run (e.g. reading the accounting
     * system's lists for the settings form) should not wait a whole interval.
     */
    private void scheduleWork(Connection connection, ConnectorSpec spec) {
        for (ScheduleSpec schedule : spec.schedules()) {
            sql.update("INSERT INTO connection_schedules (tenant_id, connection_id, schedule_id, every_seconds, next_run_at) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    connection.tenantId(), connection.id(), schedule.id(), (int) Math.max(1, schedule.every().toSeconds()),
                    Instant.now());
        }
    }

    private String newWebhookToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> validCredentials(ConnectorSpec spec, Map<String, String> given) {
        Map<String, String> clean = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            String problem = credentialProblem(spec, key, value.trim());
            if (problem != null) {
                problems.put(key, problem);
            } else {
                clean.put(key, value.trim());
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return clean;
    }

    private static String credentialProblem(ConnectorSpec spec, String key, String value) {
        CredentialField field = spec.credential(key).orElse(null);
        if (field == null) {
            return "This connector has no credential called '" + key + "'.";
        }
        if (value.length() > 4000) {
            return field.label() + " is too long.";
        }
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(value).matches()) {
            return field.label() + " does not look right. " + field.help();
        }
        return null;
    }

    private static Map<String, String> validSettings(ConnectorSpec spec, Map<String, String> given, Map<String, String> current) {
        Map<String, String> merged = new LinkedHashMap<>(current);
        Map<String, String> problems = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            SettingField field = spec.setting(key).orElse(null);
            if (field == null) {
                problems.put(key, "This connector has no setting called '" + key + "'.");
                return;
            }
            String trimmed = value == null ? "" : value.trim();
            String problem = field.problem(trimmed);
            if (problem != null) {
                problems.put(key, problem);
            } else if (trimmed.isEmpty()) {
                merged.remove(key);
            } else {
                merged.put(key, trimmed);
            }
        });
        for (SettingField field : spec.settings()) {
            if (field.required() && field.defaultValue() == null && !merged.containsKey(field.key()) && !problems.containsKey(field.key())) {
                problems.put(field.key(), field.label() + " is required.");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return merged;
    }
}
