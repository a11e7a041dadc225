package io.mlconnector.platform.webhooks;

import io.mlconnector.api.spec.WebhookSource;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionRepository;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.jobs.Jobs;
import io.mlconnector.platform.plugins.PluginCalls;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.runtime.ContextFactory;
import io.mlconnector.platform.vault.CredentialVault;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one webhook: finds the connection by its token, lets its connector verify and parse the
 * raw body, stores every event of the batch in one transaction (duplicates skipped), then queues
 * the new ones for processing. Nothing is half-stored: a rejection stores nothing.
 */
@Singleton
public class WebhookReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final Duration VERIFY_LIMIT = Duration.ofSeconds(5);

    /** The HTTP status to answer and a message for the sender. */
    public record Outcome(int status, String message) {
    }

    private final TenantTransactions transactions;
    private final ConnectionRepository connections;
    private final PluginHost plugins;
    private final PluginCalls calls;
    private final ContextFactory contexts;
    private final CredentialVault vault;
    private final InboxRepository inbox;
    private final AuditLog audit;
    private final Jobs jobs;

    public WebhookReceiver(TenantTransactions transactions, ConnectionRepository connections, PluginHost plugins,
                           PluginCalls calls, ContextFactory contexts, CredentialVault vault, InboxRepository inbox,
                           AuditLog audit, Jobs jobs) {
        this.transactions = transactions;
        this.connections = connections;
        this.plugins = plugins;
        this.calls = calls;
        this.contexts = contexts;
        this.vault = vault;
        this.inbox = inbox;
        this.audit = audit;
        this.jobs = jobs;
    }

    public Outcome receive(String token, String source, byte[] body, Map<String, List<String>> headers) {
        if (token == null || token.length() < 20) {
            return new Outcome(404, "Unknown webhook address");
        }
        Connection connection = transactions.system(() -> connections.findByWebhookToken(token)).orElse(null);
        if (connection == null) {
            return new Outcome(404, "Unknown webhook address");
        }
        PluginHost.LoadedConnector connector = plugins.connector(connection.connectorId()).orElse(null);
        if (connector == null) {
            // The events would be lost if acknowledged; the sender retries later.
            return new Outcome(503, "This connection's connector is not installed right now");
        }
        WebhookSource webhookSource = connector.spec().webhook(source).orElse(null);
        if (webhookSource == null) {
            return new Outcome(404, "This address does not accept webhooks from '" + source + "'");
        }
        String secrets = webhookSource.secretField() == null ? null
                : vault.read(connection.tenantId(), connection.id()).get(webhookSource.secretField());
        List<String> secretList = secrets == null ? List.of()
                : Arrays.stream(secrets.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        WebhookRequest request = new WebhookRequest(source, body, headers, secretList);

        WebhookResult result;
        try {
            result = calls.call(connection.connectorId(), "receiveWebhook", VERIFY_LIMIT,
                    () -> connector.connector().receiveWebhook(request, contexts.create(connection, null)));
        } catch (RuntimeException e) {
            LOG.error("Connector {} failed to read a webhook for connection {}", connection.connectorId(), connection.id(), e);
            return new Outcome(500, "The webhook could not be read; it was not stored");
        }
        if (result instanceof WebhookResult.Rejected rejected) {
            audit.append(AuditEntry.of(connection.tenantId(), "webhook.rejected", "rejected").connection(connection.id())
                    .message(source + ": " + rejected.reason()));
            return new Outcome(rejected.status(), rejected.reason());
        }
        WebhookResult.Accepted accepted = (WebhookResult.Accepted) result;
        List<Long> stored = transactions.write(connection.tenantId(), () -> {
            List<Long> ids = inbox.store(connection.tenantId(), connection.id(), accepted.events());
            audit.insertAll(accepted.events().stream().map(event -> AuditEntry.of(connection.tenantId(), "event.received",
                            "stored").connection(connection.id()).correlation(event.id()).ids(event.objectId(), null)
                    .message(event.type())).toList());
            return ids;
        });
        if (connection.active()) {
            jobs.handleEvents(stored);
        }
        int duplicates = accepted.events().size() - stored.size();
        return new Outcome(accepted.status(), "Stored " + stored.size() + " events" + (duplicates > 0 ? ", " + duplicates + " already received" : ""));
    }
}
