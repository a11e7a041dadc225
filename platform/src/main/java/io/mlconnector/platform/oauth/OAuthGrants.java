package io.mlconnector.platform.oauth;

import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.vault.CredentialVault;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A connection's OAuth grants: secrets as vault fields named {@code oauth:<system>:…}, facts that are
 * not secret (company name, expiry, last refresh) in {@code oauth_links}, whose row is also the lock
 * of a refresh.
 */
@Singleton
class OAuthGrants {

    static final String PREFIX = "oauth:";
    private static final String ACCESS = "access_token";
    private static final String REFRESH = "refresh_token";
    private static final String EXPIRES = "expires_at";
    private static final String BASE_URL = "base_url";
    private static final String CLIENT_ID = "client_id";
    private static final String CLIENT_SECRET = "client_secret";
    private static final String VALUE = "value:";

    /** The not-secret facts of a connected system. */
    record Link(String system, String companyName, Instant connectedAt, Instant accessExpiresAt, Instant refreshedAt,
                int refreshFailures, Instant retryAt) {
    }

    private final Sql sql;
    private final TenantTransactions transactions;
    private final CredentialVault vault;

    OAuthGrants(Sql sql, TenantTransactions transactions, CredentialVault vault) {
        this.sql = sql;
        this.transactions = transactions;
        this.vault = vault;
    }

    static String field(String system, String name) {
        return PREFIX + system + ":" + name;
    }

    StoredGrant read(UUID tenantId, UUID connectionId, String system) {
        Map<String, String> all = vault.read(tenantId, connectionId);
        String prefix = PREFIX + system + ":";
        Map<String, String> values = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (key.startsWith(prefix + VALUE)) {
                values.put(key.substring((prefix + VALUE).length()), value);
            }
        });
        String expires = all.get(prefix + EXPIRES);
        String clientId = all.get(prefix + CLIENT_ID);
        String clientSecret = all.get(prefix + CLIENT_SECRET);
        return new StoredGrant(all.get(prefix + ACCESS), all.get(prefix + REFRESH), expires == null ? null : Instant.parse(expires),
                all.get(prefix + BASE_URL), clientId != null && clientSecret != null ? new ClientApp(clientId, clientSecret) : null,
                values);
    }

    /** The tenant's own app and environment, saved before connecting. A blank secret keeps the stored one. */
    void saveApp(UUID tenantId, UUID connectionId, String system, String clientId, String clientSecret, String baseUrl) {
        transactions.write(tenantId, () -> {
            if (clientId != null) {
                vault.put(tenantId, connectionId, field(system, CLIENT_ID), clientId);
            }
            if (clientSecret != null) {
                vault.put(tenantId, connectionId, field(system, CLIENT_SECRET), clientSecret);
            }
            if (baseUrl != null) {
                vault.put(tenantId, connectionId, field(system, BASE_URL), baseUrl);
            }
        });
    }

    /**
     * Stores a new grant (after a consent or a client-credentials exchange), replacing every token and
     * value of the previous one. Runs in the caller's transaction when there is one.
     */
    void connect(UUID tenantId, UUID connectionId, String system, TokenAnswer answer, Instant expiresAt, Map<String, String> values,
                 Instant now) {
        transactions.write(tenantId, () -> {
            sql.update("DELETE FROM credentials WHERE connection_id = ? AND starts_with(field, ?)", connectionId,
                    PREFIX + system + ":" + VALUE);
            vault.remove(tenantId, connectionId, field(system, REFRESH));
            storeTokens(tenantId, connectionId, system, answer, expiresAt);
            values.forEach((name, value) -> vault.put(tenantId, connectionId, field(system, VALUE + name), value));
            sql.update("INSERT INTO oauth_links (tenant_id, connection_id, system, connected_at, access_expires_at, refreshed_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (connection_id, system) DO UPDATE SET connected_at = excluded.connected_at, "
                            + "access_expires_at = excluded.access_expires_at, refreshed_at = excluded.refreshed_at, company_name = NULL, "
                            + "refresh_failures = 0, retry_at = NULL",
                    tenantId, connectionId, system, now, expiresAt, now);
        });
    }

    /** Values found after connecting, and the name people see. */
    void describe(UUID tenantId, UUID connectionId, String system, String companyName, Map<String, String> values) {
        transactions.write(tenantId, () -> {
            values.forEach((name, value) -> vault.put(tenantId, connectionId, field(system, VALUE + name), value));
            sql.update("UPDATE oauth_links SET company_name = ? WHERE connection_id = ? AND system = ?",
                    companyName == null ? null : companyName.strip(), connectionId, system);
        });
    }

    /**
     * Locks the system's row until the caller's transaction ends: the one refresh per connection and
     * system, whichever instance runs it. Empty when the system is not connected.
     */
    Optional<Link> lock(UUID connectionId, String system) {
        return sql.one("SELECT * FROM oauth_links WHERE connection_id = ? AND system = ? FOR UPDATE", OAuthGrants::link, connectionId, system);
    }

    /** A refresh's result, in the caller's (locked) transaction: the rotated refresh token goes in with the access token. */
    void refreshed(UUID tenantId, UUID connectionId, String system, TokenAnswer answer, Instant expiresAt, Instant now) {
        storeTokens(tenantId, connectionId, system, answer, expiresAt);
        sql.update("UPDATE oauth_links SET access_expires_at = ?, refreshed_at = ?, refresh_failures = 0, retry_at = NULL "
                + "WHERE connection_id = ? AND system = ?", expiresAt, now, connectionId, system);
    }

    /** A refresh that could not reach the provider: when to try again. */
    void failed(UUID connectionId, String system, Instant retryAt) {
        sql.update("UPDATE oauth_links SET refresh_failures = refresh_failures + 1, retry_at = ? WHERE connection_id = ? AND system = ?",
                retryAt, connectionId, system);
    }

    /** Forgets the grant: tokens and kept values; the tenant's own app and environment stay for a reconnect. */
    void forget(UUID tenantId, UUID connectionId, String system) {
        transactions.write(tenantId, () -> {
            for (String name : List.of(ACCESS, REFRESH, EXPIRES)) {
                vault.remove(tenantId, connectionId, field(system, name));
            }
            sql.update("DELETE FROM credentials WHERE connection_id = ? AND starts_with(field, ?)", connectionId,
                    PREFIX + system + ":" + VALUE);
            sql.update("DELETE FROM oauth_links WHERE connection_id = ? AND system = ?", connectionId, system);
        });
    }

    Optional<Link> link(UUID tenantId, UUID connectionId, String system) {
        return transactions.read(tenantId, () -> sql.one("SELECT * FROM oauth_links WHERE connection_id = ? AND system = ?",
                OAuthGrants::link, connectionId, system));
    }

    /** A connected system not refreshed for a while. */
    record Idle(UUID tenantId, UUID connectionId, String system) {
    }

    /** Grants not refreshed since {@code before}, oldest first: for the keep-alive schedule. Across tenants. */
    List<Idle> idleSince(Instant before, int limit) {
        return transactions.system(() -> sql.list("SELECT tenant_id, connection_id, system FROM oauth_links "
                        + "WHERE refreshed_at < ? AND (retry_at IS NULL OR retry_at < ?) ORDER BY refreshed_at LIMIT ?",
                r -> new Idle(r.getObject("tenant_id", UUID.class), r.getObject("connection_id", UUID.class), r.getString("system")),
                before, before.isAfter(Instant.now()) ? before : Instant.now(), limit));
    }

    private void storeTokens(UUID tenantId, UUID connectionId, String system, TokenAnswer answer, Instant expiresAt) {
        vault.put(tenantId, connectionId, field(system, ACCESS), answer.accessToken());
        vault.put(tenantId, connectionId, field(system, EXPIRES), expiresAt.toString());
        if (answer.refreshToken() != null) {
            vault.put(tenantId, connectionId, field(system, REFRESH), answer.refreshToken());
        }
    }

    private static Link link(java.sql.ResultSet r) throws java.sql.SQLException {
        return new Link(r.getString("system"), r.getString("company_name"), Sql.instant(r, "connected_at"),
                Sql.instant(r, "access_expires_at"), Sql.instant(r, "refreshed_at"), r.getInt("refresh_failures"),
                Sql.instant(r, "retry_at"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
