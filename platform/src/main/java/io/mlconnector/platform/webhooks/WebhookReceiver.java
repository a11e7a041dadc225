package io.mlconnector.platform.webhooks;

import io.mlconnector.api.context.Credentials;
import io.mlconnector.api.spec.WebhookSource;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionRepository;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.inbox.EventInbox;
import io.mlconnector.platform.plugins.PluginCalls;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.runtime.ContextFactory;
import io.mlconnector.platform.vault.CredentialVault;
import jakarta.inject.Singleton;
import java.time.Duration;
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
    private final EventInbox inbox;
    private final AuditLog audit;
    private final RejectedDeliveries rejections;
    private final ShortLivedCache<String, Connection> byToken = new ShortLivedCache<>(Duration.ofSeconds(5));
    private final ShortLivedCache<String, List<String>> secrets = new ShortLivedCache<>(Duration.ofSeconds(30));

    public WebhookReceiver(TenantTransactions transactions, ConnectionRepository connections, PluginHost plugins,
                           PluginCalls calls, ContextFactory contexts, CredentialVault vault, EventInbox inbox,
                           AuditLog audit, RejectedDeliveries rejections) {
        this.rejections = rejections;
        this.transactions = transactions;
        this.connections = connections;
        this.plugins = plugins;
        this.calls = calls;
        this.contexts = contexts;
        this.vault = vault;
        this.inbox = inbox;
        this.audit = audit;
    }

    private WebhookResult verify(Connection connection, PluginHost.LoadedConnector connector, WebhookSource webhookSource,
                                 String source, byte[] body, Map<String, List<String>> headers, boolean fresh) {
        String cacheKey = connection.id() + "/" + webhookSource.secretField();
        if (fresh) {
            secrets.forget(cacheKey);
        }
        List<String> secretList = webhookSource.secretField() == null ? List.of() : secrets.get(cacheKey, key -> {
            String stored = vault.read(connection.tenantId(), connection.id()).get(webhookSource.secretField());
            return stored == null ? List.of() : Credentials.split(stored);
        });
        WebhookRequest request = new WebhookRequest(source, body, headers, secretList);
        return calls.call(connection.connectorId(), "receiveWebhook", VERIFY_LIMIT,
                () -> connector.connector().receiveWebhook(request, contexts.create(connection, null)));
    }

    public Outcome receive(String token, String source, byte[] body, Map<String, List<String>> headers) {
        if (token == null || token.length() < 20) {
            return new Outcome(404, "Unknown webhook address");
        }
        Connection connection = byToken.get(token, t -> transactions.system(() -> connections.findByWebhookToken(t)).orElse(null));
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
        WebhookResult result;
        try {
            result = verify(connection, connector, webhookSource, source, body, headers, false);
            if (result instanceof WebhookResult.Rejected) {
                // The secret may have just changed (here or on another instance): check once more with fresh ones.
                result = verify(connection, connector, webhookSource, source, body, headers, true);
            }
        } catch (RuntimeException e) {
            LOG.error("Connector {} failed to read a webhook for connection {}", connection.connectorId(), connection.id(), e);
            return new Outcome(500, "The webhook could not be read; it was not stored");
        }
        if (result instanceof WebhookResult.Rejected rejected) {
            rejections.count(connection.tenantId(), connection.id(), source + ": " + rejected.reason());
            return new Outcome(rejected.status(), rejected.reason());
        }
        WebhookResult.Accepted accepted = (WebhookResult.Accepted) result;
        List<Long> stored;
        try {
            stored = inbox.store(connection.tenantId(), connection.id(), accepted.events(), "webhook");
        } catch (RuntimeException e) {
            byToken.forget(token);
            if (transactions.system(() -> connections.findByWebhookToken(token)).isEmpty()) {
                return new Outcome(404, "Unknown webhook address");
            }
            throw e;
        }
        if (connection.active()) {
            inbox.handle(stored);
        }
        int duplicates = accepted.events().size() - stored.size();
        return new Outcome(accepted.status(), "Stored " + stored.size() + " events" + (duplicates > 0 ? ", " + duplicates + " already received" : ""));
    }
}
