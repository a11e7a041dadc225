package io.mlconnector.testkit.context;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.OutboundHttp;
import io.mlconnector.api.spec.ConnectorSpec;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ConnectorContext} for one connection, entirely in memory: what the platform gives a
 * connector, without the platform. Connector authors test their business rules with it, against
 * the testkit's fakes:
 *
 * <pre>{@code
 * InMemoryConnectorContext ctx = InMemoryConnectorContext.builder()
 *         .spec(connector.spec())                       // setting defaults, as the platform fills them
 *         .credential("access_token", fake.accessToken())
 *         .setting("bank_account", "Checking")
 *         .baseUrl("gocardless", fake.baseUrl())
 *         .build();
 * connector.handle(event, ctx);
 * ctx.quickBooks().runSession(companyFile::process, connector, ctx);   // one Web Connector session
 * assertEquals(List.of("payment.posted"), ctx.audit().steps("PM123"));
 * }</pre>
 *
 * Every part is inspectable: the id ledger, the sync records with their history, the audit trail,
 * the alerts, the payouts, the cursors, the pick lists and the QuickBooks queue. Parts are thread-safe.
 */
public final class InMemoryConnectorContext implements ConnectorContext {

    private final UUID tenantId;
    private final UUID connectionId;
    private final Clock clock;
    private final InMemoryCredentials credentials;
    private final InMemorySettings settings;
    private final InMemoryIdMappings ids = new InMemoryIdMappings();
    private final InMemorySyncRecords syncRecords;
    private final InMemoryAuditTrail audit;
    private final InMemoryCursors cursors = new InMemoryCursors();
    private final InMemoryPickLists pickLists = new InMemoryPickLists();
    private final InMemoryQuickBooksDesktop quickBooks;
    private final OutboundHttp http;
    private final InMemoryAlerts alerts;
    private final InMemoryInbox inbox = new InMemoryInbox();
    private final InMemoryOAuthTokens oauth = new InMemoryOAuthTokens();
    private final InMemoryPayouts payouts = new InMemoryPayouts();
    private final Map<String, String> baseUrls;
    private final Map<String, String> webhookUrls;
    private final System.Logger log;

    private InMemoryConnectorContext(Builder b) {
        this.tenantId = b.tenantId;
        this.connectionId = b.connectionId;
        this.clock = b.clock;
        this.credentials = b.credentials;
        this.settings = b.settings;
        this.syncRecords = new InMemorySyncRecords(clock);
        this.audit = new InMemoryAuditTrail(clock);
        this.quickBooks = new InMemoryQuickBooksDesktop(clock);
        this.http = b.http;
        this.alerts = new InMemoryAlerts(clock);
        this.baseUrls = Map.copyOf(b.baseUrls);
        this.webhookUrls = Map.copyOf(b.webhookUrls);
        this.log = System.getLogger("io.mlconnector.testkit.context.connection." + connectionId);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public UUID tenantId() {
        return tenantId;
    }

    @Override
    public UUID connectionId() {
        return connectionId;
    }

    @Override
    public InMemoryCredentials credentials() {
        return credentials;
    }

    @Override
    public InMemorySettings settings() {
        return settings;
    }

    @Override
    public InMemoryIdMappings ids() {
        return ids;
    }

    @Override
    public InMemorySyncRecords syncRecords() {
        return syncRecords;
    }

    @Override
    public InMemoryAuditTrail audit() {
        return audit;
    }

    @Override
    public InMemoryCursors cursors() {
        return cursors;
    }

    @Override
    public InMemoryPickLists pickLists() {
        return pickLists;
    }

    @Override
    public InMemoryQuickBooksDesktop quickBooks() {
        return quickBooks;
    }

    /** OAuth tokens the test sets; see {@link InMemoryOAuthTokens}. */
    @Override
    public InMemoryOAuthTokens oauth() {
        return oauth;
    }

    @Override
    public OutboundHttp http() {
        return http;
    }

    @Override
    public InMemoryInbox inbox() {
        return inbox;
    }

    @Override
    public InMemoryAlerts alerts() {
        return alerts;
    }

    @Override
    public InMemoryPayouts payouts() {
        return payouts;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public System.Logger log() {
        return log;
    }

    @Override
    public Optional<String> baseUrlOverride(String system) {
        return Optional.ofNullable(baseUrls.get(system));
    }

    @Override
    public Optional<String> webhookUrl(String source) {
        return Optional.ofNullable(webhookUrls.get(source));
    }

    /** Builds a context; everything but what a test sets has a neutral default. */
    public static final class Builder {

        private UUID tenantId = UUID.randomUUID();
        private UUID connectionId = UUID.randomUUID();
        private Clock clock = Clock.systemUTC();
        private final InMemoryCredentials credentials = new InMemoryCredentials();
        private final InMemorySettings settings = new InMemorySettings();
        private OutboundHttp http = new DirectOutboundHttp();
        private final Map<String, String> baseUrls = new ConcurrentHashMap<>();
        private final Map<String, String> webhookUrls = new ConcurrentHashMap<>();

        private Builder() {
        }

        public Builder tenantId(UUID id) {
            this.tenantId = id;
            return this;
        }

        public Builder connectionId(UUID id) {
            this.connectionId = id;
            return this;
        }

        /** The clock the connector and every in-memory part read; e.g. the company file's clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Setting defaults and validation from the connector's spec. Call before {@link #setting}. */
        public Builder spec(ConnectorSpec spec) {
            settings.useSpec(spec);
            return this;
        }

        public Builder credential(String key, String value) {
            credentials.set(key, value);
            return this;
        }

        public Builder setting(String key, String value) {
            settings.set(key, value);
            return this;
        }

        /** Where a system is reached instead of its real address, e.g. {@code gocardless} → a FakeGoCardless. */
        public Builder baseUrl(String system, String url) {
            baseUrls.put(system, url);
            return this;
        }

        /** The connection's address for a webhook source, e.g. a receiver the test runs on loopback. */
        public Builder webhookUrl(String source, String url) {
            webhookUrls.put(source, url);
            return this;
        }

        public Builder http(OutboundHttp http) {
            this.http = http;
            return this;
        }

        public InMemoryConnectorContext build() {
            return new InMemoryConnectorContext(this);
        }
    }
}
