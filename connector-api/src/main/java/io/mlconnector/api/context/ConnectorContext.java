package io.mlconnector.api.context;

import io.mlconnector.api.qbd.QuickBooksDesktop;
import java.time.Clock;
import java.util.UUID;

/**
 * Everything a connector may use, for one connection of one tenant. The platform builds it for each
 * call; a connector never reaches the platform any other way, so it needs no framework and can be
 * tested with a hand-made context (the testkit has one).
 */
public interface ConnectorContext {

    UUID tenantId();

    UUID connectionId();

    /** The connection's stored credentials, decrypted for this call only. */
    Credentials credentials();

    /** The connection's settings, with the spec's defaults filled in. */
    Settings settings();

    /** The ledger of which object on one side is which object on the other: the key to exactly-once. */
    IdMappings ids();

    /** One record per business object crossing, with its status, for people to follow. */
    SyncRecords syncRecords();

    /** Appends to the tenant's audit log. */
    AuditTrail audit();

    /** Forward-only positions of incremental polls (event cursors, modified-since dates). */
    Cursors cursors();

    /** Lists of objects people pick from when a record needs them to say what matches what. */
    PickLists pickLists();

    /**
     * The connection's inbox: where a schedule offers the events it polled, to be handled like webhook
     * deliveries (stored once, retried, parked, replayable).
     */
    default Inbox inbox() {
        throw new UnsupportedOperationException("This context has no inbox");
    }

    /** The connection's QuickBooks Desktop request queue (only for connectors that use the Web Connector). */
    QuickBooksDesktop quickBooks();

    /**
     * Current access tokens of the systems whose spec declares an OAuth credential. The platform
     * refreshes them; see {@link io.mlconnector.api.oauth.OAuthTokens}.
     */
    default io.mlconnector.api.oauth.OAuthTokens oauth() {
        throw new UnsupportedOperationException("This context has no OAuth tokens");
    }

    /**
     * The address of this connection for a webhook source of the spec ({@code /webhooks/<token>/<source>}
     * on the platform's public URL), for connectors that register it with the sender themselves.
     * Empty when the platform has no public address to give.
     */
    default java.util.Optional<String> webhookUrl(String source) {
        return java.util.Optional.empty();
    }

    /** HTTP to other systems, with retries on 429/5xx and a rate limit per system. */
    OutboundHttp http();

    /**
     * The payouts the payments system made, with their contents and deposits, for people reconciling
     * their bank (only for connectors that book payouts).
     */
    io.mlconnector.api.payout.Payouts payouts();

    /** Problems a person must hear about soon (shown on the connection; e-mailed when configured). */
    Alerts alerts();

    Clock clock();

    /** A logger whose lines carry the tenant and connection. Never log credentials. */
    System.Logger log();

    /**
     * For tests and fakes: the base URL to use for a system instead of its real one, when the
     * platform was configured with one (e.g. {@code gocardless} → a loopback fake). Empty in production.
     */
    java.util.Optional<String> baseUrlOverride(String system);
}
