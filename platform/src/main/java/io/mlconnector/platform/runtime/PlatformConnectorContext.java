package io.mlconnector.platform.runtime;

import io.mlconnector.api.context.Alerts;
import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.PickLists;
import io.mlconnector.api.context.AuditTrail;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.money.Money;
import io.mlconnector.api.payout.Payout;
import io.mlconnector.api.payout.Payouts;
import io.mlconnector.api.context.Credentials;
import io.mlconnector.api.context.Cursors;
import io.mlconnector.api.context.IdMappings;
import io.mlconnector.api.context.Inbox;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.context.OutboundHttp;
import io.mlconnector.api.context.Settings;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncRecords;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.qbd.QuickBooksDesktop;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.connections.Connection;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's side of {@link ConnectorContext}: each operation runs in its own short transaction
 * of the connection's tenant, under row-level security, so nothing a connector does can reach
 * another tenant's data.
 */
final class PlatformConnectorContext implements ConnectorContext {

    private final Connection connection;
    private final Long eventId;
    private final ContextFactory platform;
    private Map<String, String> credentials;
    private QuickBooksDesktop quickBooks;

    PlatformConnectorContext(Connection connection, Long eventId, ContextFactory platform) {
        this.connection = connection;
        this.eventId = eventId;
        this.platform = platform;
    }

    @Override
    public UUID tenantId() {
        return connection.tenantId();
    }

    @Override
    public UUID connectionId() {
        return connection.id();
    }

    @Override
    public Credentials credentials() {
        return new Credentials() {
            @Override
            public Optional<String> get(String key) {
                if (credentials == null) {
                    // OAuth grants live beside the typed credentials but are the platform's: a connector gets tokens from oauth().
                    Map<String, String> typed = new HashMap<>(platform.vault().read(tenantId(), connectionId()));
                    typed.keySet().removeIf(field -> field.startsWith("oauth:"));
                    credentials = typed;
                }
                return Optional.ofNullable(credentials.get(key));
            }

            @Override
            public void put(String key, String value) {
                boolean typedByPeople = platform.plugins().connector(connection.connectorId())
                        .map(c -> c.spec().credential(key).isPresent()).orElse(true);
                if (typedByPeople || key == null || !key.matches("[a-z0-9_.-]{1,100}")) {
                    throw new IllegalArgumentException("A connector may not store the credential '" + key + "'");
                }
                if (value == null) {
                    platform.vault().remove(tenantId(), connectionId(), key);
                } else {
                    platform.vault().put(tenantId(), connectionId(), key, value);
                }
                credentials = null;
            }
        };
    }

    @Override
    public Settings settings() {
        Map<String, String> effective = new HashMap<>();
        platform.plugins().connector(connection.connectorId()).ifPresent(c -> {
            for (SettingField field : c.spec().settings()) {
                if (field.defaultValue() != null) {
                    effective.put(field.key(), field.defaultValue());
                }
            }
        });
        effective.putAll(connection.settings());
        return key -> Optional.ofNullable(effective.get(key));
    }

    @Override
    public IdMappings ids() {
        UUID tenant = tenantId();
        UUID id = connectionId();
        var store = platform.ids();
        var tx = platform.transactions();
        return new IdMappings() {
            @Override
            public Optional<String> target(String kind, String sourceId) {
                return tx.read(tenant, () -> store.target(id, kind, sourceId));
            }

            @Override
            public Optional<String> source(String kind, String targetId) {
                return tx.read(tenant, () -> store.source(id, kind, targetId));
            }

            @Override
            public boolean put(String kind, String sourceId, String targetId) {
                return tx.write(tenant, () -> store.put(tenant, id, kind, sourceId, targetId));
            }

            @Override
            public void replace(String kind, String sourceId, String targetId) {
                tx.write(tenant, () -> store.replace(tenant, id, kind, sourceId, targetId));
            }

            @Override
            public void remove(String kind, String sourceId) {
                tx.write(tenant, () -> store.remove(id, kind, sourceId));
            }
        };
    }

    @Override
    public SyncRecords syncRecords() {
        UUID tenant = tenantId();
        UUID id = connectionId();
        var store = platform.syncRecords();
        var tx = platform.transactions();
        return new SyncRecords() {
            @Override
            public SyncRecord open(String kind, String sourceId, String summary) {
                return tx.write(tenant, () -> store.open(tenant, id, kind, sourceId, summary, eventId));
            }

            @Override
            public Optional<SyncRecord> find(String kind, String sourceId) {
                return tx.read(tenant, () -> store.find(id, kind, sourceId));
            }

            @Override
            public void waitingForQuickBooks(String kind, String sourceId) {
                set(kind, sourceId, SyncStatus.WAITING_FOR_QUICKBOOKS, null, null);
            }

            @Override
            public void done(String kind, String sourceId, String targetId) {
                set(kind, sourceId, SyncStatus.DONE, targetId, null);
            }

            @Override
            public void needsAttention(String kind, String sourceId, String reason) {
                set(kind, sourceId, SyncStatus.NEEDS_ATTENTION, null, reason);
            }

            @Override
            public void needsAttention(String kind, String sourceId, String reason, MatchQuestion question) {
                if (question == null) {
                    needsAttention(kind, sourceId, reason);
                    return;
                }
                tx.write(tenant, () -> {
                    store.ask(id, kind, sourceId, reason, question);
                    platform.audit().insert(AuditEntry.of(tenant, "sync.needs_attention", SyncStatus.NEEDS_ATTENTION.name())
                            .connection(id).correlation(sourceId).ids(question.sourceId(), null).message(reason));
                });
            }

            @Override
            public void failed(String kind, String sourceId, String reason) {
                set(kind, sourceId, SyncStatus.FAILED, null, reason);
            }

            @Override
            public void skipped(String kind, String sourceId, String reason) {
                set(kind, sourceId, SyncStatus.SKIPPED, null, reason);
            }

            private void set(String kind, String sourceId, SyncStatus status, String targetId, String reason) {
                tx.write(tenant, () -> {
                    store.setStatus(id, kind, sourceId, status, targetId, reason);
                    platform.audit().insert(AuditEntry.of(tenant, "sync." + status.name().toLowerCase(java.util.Locale.ROOT), status.name())
                            .connection(id).correlation(sourceId).ids(sourceId, targetId).message(reason));
                });
            }
        };
    }

    @Override
    public AuditTrail audit() {
        return (correlation, step, outcome, sourceId, targetId, message) -> platform.audit().append(
                AuditEntry.of(tenantId(), step, outcome).connection(connectionId()).correlation(correlation)
                        .ids(sourceId, targetId).message(message));
    }

    @Override
    public Cursors cursors() {
        UUID tenant = tenantId();
        UUID id = connectionId();
        return new Cursors() {
            @Override
            public Optional<String> get(String name) {
                return platform.transactions().read(tenant, () -> platform.cursors().get(id, name));
            }

            @Override
            public void set(String name, String value) {
                platform.transactions().write(tenant, () -> platform.cursors().set(tenant, id, name, value));
            }
        };
    }

    @Override
    public PickLists pickLists() {
        UUID tenant = tenantId();
        UUID id = connectionId();
        var store = platform.pickLists();
        var tx = platform.transactions();
        return new PickLists() {
            @Override
            public void put(String list, Collection<Choice> entries) {
                tx.write(tenant, () -> store.put(tenant, id, list, entries));
            }

            @Override
            public void replace(String list, Collection<Choice> entries) {
                tx.write(tenant, () -> store.replace(tenant, id, list, entries));
            }

            @Override
            public void remove(String list, Collection<String> ids) {
                tx.write(tenant, () -> store.remove(id, list, ids));
            }

            @Override
            public Optional<Choice> find(String list, String entryId) {
                return tx.read(tenant, () -> store.find(id, list, entryId));
            }

            @Override
            public List<Choice> search(String list, String text, int limit) {
                return tx.read(tenant, () -> store.search(id, list, text, limit));
            }

            @Override
            public int size(String list) {
                return tx.read(tenant, () -> store.size(id, list));
            }
        };
    }

    @Override
    public Inbox inbox() {
        return (source, events) -> {
            List<InboundEvent> ofSource = events.stream().map(e -> new InboundEvent(source, e.id(), e.type(), e.objectId(),
                    e.occurredAt(), e.payload())).toList();
            List<Long> stored = platform.inbox().store(tenantId(), connectionId(), ofSource, "poll");
            if (connection.active()) {
                platform.inbox().handle(stored);
            }
            return stored.size();
        };
    }

    @Override
    public QuickBooksDesktop quickBooks() {
        if (quickBooks == null) {
            quickBooks = platform.quickBooks().forConnection(tenantId(), connectionId());
        }
        return quickBooks;
    }

    @Override
    public io.mlconnector.api.oauth.OAuthTokens oauth() {
        var spec = platform.plugins().connector(connection.connectorId())
                .orElseThrow(() -> new IllegalStateException("The connector " + connection.connectorId() + " is not installed")).spec();
        return platform.tokens().forConnection(connection, spec);
    }

    @Override
    public OutboundHttp http() {
        return platform.http();
    }

    @Override
    public Payouts payouts() {
        UUID tenant = tenantId();
        UUID id = connectionId();
        var store = platform.payouts();
        var tx = platform.transactions();
        return new Payouts() {
            @Override
            public void report(Payout payout) {
                tx.write(tenant, () -> store.report(tenant, id, payout));
            }

            @Override
            public void deposited(String payoutId, String depositId, Money depositTotal) {
                java.util.Objects.requireNonNull(depositTotal, "depositTotal");
                tx.write(tenant, () -> store.deposited(id, payoutId, depositId, depositTotal));
            }
        };
    }

    @Override
    public Alerts alerts() {
        return (subject, detail, correlation) -> {
            platform.transactions().write(tenantId(), () -> {
                platform.alerts().raise(tenantId(), connectionId(), subject, detail, correlation);
                platform.audit().insert(AuditEntry.of(tenantId(), "alert.raised", "alert").connection(connectionId())
                        .correlation(correlation).message(subject));
            });
            platform.mailer().send(tenantId(), connectionId(), subject, detail);
        };
    }

    @Override
    public Clock clock() {
        return platform.clock();
    }

    @Override
    public System.Logger log() {
        return new ConnectionLogger(connection.connectorId(), tenantId(), connectionId());
    }

    @Override
    public Optional<String> webhookUrl(String source) {
        try {
            return Optional.of(platform.urls().of("/webhooks/" + connection.webhookToken() + "/" + source));
        } catch (RuntimeException noServer) {
            // Neither a configured public URL nor a running server (e.g. a job-only instance in a test).
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> baseUrlOverride(String system) {
        return platform.overrides().baseUrl(system);
    }
}
