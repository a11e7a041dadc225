package io.mlconnector.platform.runtime;

import io.micronaut.context.BeanProvider;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.platform.alerts.AlertMailer;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.sync.AlertStore;
import io.mlconnector.platform.sync.CursorStore;
import io.mlconnector.platform.sync.PickListStore;
import io.mlconnector.platform.sync.IdMappingStore;
import io.mlconnector.platform.sync.SyncRecordStore;
import io.mlconnector.platform.vault.CredentialVault;
import io.mlconnector.platform.inbox.EventInbox;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the context a connector gets for one call on one connection. */
@Singleton
public class ContextFactory {

    private final TenantTransactions transactions;
    private final CredentialVault vault;
    private final BeanProvider<PluginHost> plugins;
    private final IdMappingStore ids;
    private final SyncRecordStore syncRecords;
    private final CursorStore cursors;
    private final PickListStore pickLists;
    private final AlertStore alerts;
    private final AuditLog audit;
    private final BeanProvider<QuickBooksAccess> quickBooks;
    private final PlatformOutboundHttp http;
    private final SystemOverrides overrides;
    private final Clock clock;
    private final AlertMailer mailer;
    private final io.mlconnector.platform.payouts.PayoutStore payouts;
    private final io.mlconnector.platform.people.PublicUrls urls;
    private final BeanProvider<io.mlconnector.platform.oauth.TokenService> tokens;
    private final EventInbox inbox;

    public ContextFactory(TenantTransactions transactions, CredentialVault vault, BeanProvider<PluginHost> plugins, IdMappingStore ids,
                          SyncRecordStore syncRecords, CursorStore cursors, PickListStore pickLists, AlertStore alerts, AuditLog audit,
                          BeanProvider<QuickBooksAccess> quickBooks, PlatformOutboundHttp http, SystemOverrides overrides, Clock clock,
                          AlertMailer mailer, io.mlconnector.platform.payouts.PayoutStore payouts,
                          io.mlconnector.platform.people.PublicUrls urls, BeanProvider<io.mlconnector.platform.oauth.TokenService> tokens,
                          EventInbox inbox) {
        this.mailer = mailer;
        this.payouts = payouts;
        this.urls = urls;
        this.tokens = tokens;
        this.inbox = inbox;
        this.transactions = transactions;
        this.vault = vault;
        this.plugins = plugins;
        this.ids = ids;
        this.syncRecords = syncRecords;
        this.cursors = cursors;
        this.pickLists = pickLists;
        this.alerts = alerts;
        this.audit = audit;
        this.quickBooks = quickBooks;
        this.http = http;
        this.overrides = overrides;
        this.clock = clock;
    }

    /**
     * @param eventId the inbox event being handled, linked to the sync records the connector opens;
     *                null outside event handling
     */
    public ConnectorContext create(Connection connection, Long eventId) {
        return new PlatformConnectorContext(connection, eventId, this);
    }

    io.mlconnector.platform.oauth.TokenService tokens() {
        return tokens.get();
    }

    TenantTransactions transactions() {
        return transactions;
    }

    CredentialVault vault() {
        return vault;
    }

    PluginHost plugins() {
        return plugins.get();
    }

    IdMappingStore ids() {
        return ids;
    }

    SyncRecordStore syncRecords() {
        return syncRecords;
    }

    CursorStore cursors() {
        return cursors;
    }

    PickListStore pickLists() {
        return pickLists;
    }

    AlertStore alerts() {
        return alerts;
    }

    AuditLog audit() {
        return audit;
    }

    QuickBooksAccess quickBooks() {
        return quickBooks.isPresent() ? quickBooks.get() : (tenant, connection) -> {
            throw new IllegalStateException("QuickBooks Desktop is not available on this platform");
        };
    }

    io.mlconnector.platform.people.PublicUrls urls() {
        return urls;
    }

    PlatformOutboundHttp http() {
        return http;
    }

    SystemOverrides overrides() {
        return overrides;
    }

    Clock clock() {
        return clock;
    }

    AlertMailer mailer() {
        return mailer;
    }

    io.mlconnector.platform.payouts.PayoutStore payouts() {
        return payouts;
    }

    EventInbox inbox() {
        return inbox;
    }
}
