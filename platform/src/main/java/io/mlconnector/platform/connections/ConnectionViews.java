package io.mlconnector.platform.connections;

import io.micronaut.serde.annotation.Serdeable;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.WebhookSource;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.people.PublicUrls;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.vault.CredentialVault;
import io.mlconnector.platform.vault.SecretMask;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What people and API clients see of a connection: never a secret, only whether each credential
 * is set and, for secrets, its last four characters.
 */
@Singleton
public class ConnectionViews {

    @Serdeable
    public record CredentialState(String key, String label, boolean secret, boolean required, boolean set, String shown) {
    }

    @Serdeable
    public record WebhookAddress(String source, String name, String url, String setupHelp) {
    }

    @Serdeable
    public record View(UUID id, String connectorId, String connectorName, String name, String status,
                       boolean connectorInstalled, boolean usesWebConnector, List<CredentialState> credentials,
                       Map<String, String> settings, List<WebhookAddress> webhooks, String lastError, Instant lastErrorAt,
                       Instant createdAt, Reconnect reconnect) {
    }

    /** Which system refused the credentials, its words and since when; null while they work. */
    @Serdeable
    public record Reconnect(String system, String systemName, String reason, Instant since) {
    }

    private final PluginHost plugins;
    private final CredentialVault vault;
    private final PublicUrls urls;
    private final TenantTransactions transactions;
    private final ConnectionRepository connections;

    public ConnectionViews(PluginHost plugins, CredentialVault vault, PublicUrls urls, TenantTransactions transactions,
                           ConnectionRepository connections) {
        this.plugins = plugins;
        this.vault = vault;
        this.urls = urls;
        this.transactions = transactions;
        this.connections = connections;
    }

    public List<View> all(UUID tenantId) {
        return transactions.read(tenantId, connections::list).stream().map(this::of).toList();
    }

    public View of(Connection connection) {
        ConnectorSpec spec = plugins.connector(connection.connectorId()).map(PluginHost.LoadedConnector::spec).orElse(null);
        Map<String, String> stored = vault.read(connection.tenantId(), connection.id());
        List<CredentialState> credentials = spec == null ? List.of() : spec.credentialFields().stream()
                .map(field -> state(field, stored.get(field.key()))).toList();
        List<WebhookAddress> webhooks = spec == null ? List.of() : spec.webhooks().stream()
                .map(source -> address(connection, source)).toList();
        return new View(connection.id(), connection.connectorId(), spec == null ? connection.connectorId() : spec.name(),
                connection.name(), connection.status().name(), spec != null, spec != null && spec.usesWebConnector(),
                credentials, connection.settings(), webhooks, connection.lastError(), connection.lastErrorAt(), connection.createdAt(),
                reconnect(connection, spec));
    }

    private static Reconnect reconnect(Connection connection, ConnectorSpec spec) {
        Connection.Reconnect mark = connection.reconnect();
        if (mark == null) {
            return null;
        }
        String systemName = spec == null ? mark.system() : spec.systems().stream()
                .filter(s -> s.id().equals(mark.system())).map(io.mlconnector.api.spec.SystemSpec::name).findFirst().orElse(mark.system());
        return new Reconnect(mark.system(), systemName, mark.reason(), mark.since());
    }

    public String webhookUrl(Connection connection, String source) {
        return urls.of("/webhooks/" + connection.webhookToken() + "/" + source);
    }

    private WebhookAddress address(Connection connection, WebhookSource source) {
        return new WebhookAddress(source.id(), source.name(), webhookUrl(connection, source.id()), source.setupHelp());
    }

    private static CredentialState state(CredentialField field, String value) {
        boolean set = value != null && !value.isEmpty();
        String shown = !set ? "" : field.secret() ? SecretMask.of(value) : value;
        return new CredentialState(field.key(), field.label(), field.secret(), field.required(), set, shown);
    }
}
