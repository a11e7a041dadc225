package io.mlconnector.platform.qbwc;

import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.people.PasswordHasher;
import io.mlconnector.platform.people.SignInThrottle;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Web Connector accounts: one per QuickBooks Desktop connection, created on first use. The password
 * is generated here, shown once and kept only as an Argon2id hash; checking it costs the same time
 * whether or not the user name exists, and failures are throttled like people's sign-ins.
 */
@Singleton
public class WebConnectorAccounts {

    /** Who signed in: the connection the Web Connector works for. */
    public record SignedIn(UUID tenantId, UUID connectionId) {
    }

    private static final String COLUMNS = "tenant_id, connection_id, user_name, password_hash IS NOT NULL AS password_set, owner_id, file_id, "
            + "last_polled_at, last_answered_at, qbxml_version, unreachable_message, unreachable_at";
    private static final char[] PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int PASSWORD_LENGTH = 24;
    private static final String THROTTLE_PREFIX = "qbwc:";

    private final Sql sql;
    private final TenantTransactions transactions;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebConnectorAccounts(Sql sql, TenantTransactions transactions, PasswordHasher hasher, SignInThrottle throttle,
                                AuditLog audit, Clock clock) {
        this.sql = sql;
        this.transactions = transactions;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /** The connection's account, created (without a password) the first time it is asked for. */
    public WebConnectorAccount ensure(UUID tenantId, UUID connectionId) {
        return transactions.write(tenantId, () -> find(connectionId).orElseGet(() -> create(tenantId, connectionId)));
    }

    public Optional<WebConnectorAccount> find(UUID tenantId, UUID connectionId) {
        return transactions.read(tenantId, () -> find(connectionId));
    }

    /**
     * A new password for the connection's Web Connector, replacing the old one. The only time the
     * password exists in clear is the return value.
     */
    public String newPassword(UUID tenantId, UUID connectionId) {
        String password = generatePassword();
        String hash = hasher.hash(password);
        transactions.write(tenantId, () -> {
            WebConnectorAccount account = find(connectionId).orElseGet(() -> create(tenantId, connectionId));
            sql.update("UPDATE web_connector_accounts SET password_hash = ?, password_set_at = ? WHERE connection_id = ?",
                    hash, clock.instant(), connectionId);
            audit.insert(AuditEntry.of(tenantId, "qbwc.password", "changed").connection(connectionId)
                    .message("A new Web Connector password was generated for user " + account.userName()
                            + "; the previous one no longer works"));
        });
        return password;
    }

    /**
     * Checks a Web Connector's user name and password. Unknown names, missing passwords and wrong
     * passwords all look the same from outside, and take the same time.
     */
    public Optional<SignedIn> signIn(String userName, String password, String clientAddress) {
        String name = userName == null ? "" : userName.strip();
        String secret = password == null ? "" : password;
        String throttleKey = THROTTLE_PREFIX + name;
        // Web Connector failures count apart from people's sign-ins, so neither can lock out the other.
        String client = THROTTLE_PREFIX + clientAddress;
        if (throttle.isThrottled(throttleKey, client)) {
            return Optional.empty();
        }
        record Stored(UUID tenantId, UUID connectionId, String hash) {
        }
        Optional<Stored> stored = name.isEmpty() ? Optional.empty() : transactions.system(() -> sql.one(
                "SELECT tenant_id, connection_id, password_hash FROM web_connector_accounts WHERE user_name = ?",
                row -> new Stored(row.getObject("tenant_id", UUID.class), row.getObject("connection_id", UUID.class),
                        row.getString("password_hash")), name));
        boolean matches;
        if (stored.isPresent() && stored.get().hash() != null) {
            matches = hasher.matches(secret, stored.get().hash());
        } else {
            hasher.checkDecoy(secret);
            matches = false;
        }
        if (!matches) {
            throttle.recordFailure(throttleKey, client);
            stored.ifPresent(s -> audit.append(AuditEntry.of(s.tenantId(), "qbwc.authenticate", "refused").connection(s.connectionId())
                    .message("The Web Connector signed in as " + name + " with a wrong password")));
            return Optional.empty();
        }
        throttle.recordSuccess(throttleKey, client);
        return Optional.of(new SignedIn(stored.get().tenantId(), stored.get().connectionId()));
    }

    /** Wrong passwords recently tried for the connection's Web Connector user, for its page. */
    public SignInThrottle.RecentFailures recentWrongPasswords(WebConnectorAccount account) {
        return throttle.recentFailures(THROTTLE_PREFIX + account.userName());
    }

    /** Inside the tenant's transaction: the Web Connector asked for work now. */
    void recordPoll(UUID connectionId, Instant at) {
        sql.update("UPDATE web_connector_accounts SET last_polled_at = ? WHERE connection_id = ?", at, connectionId);
    }

    /** Inside the tenant's transaction: QuickBooks answered a message. */
    void recordAnswer(UUID connectionId, Instant at) {
        sql.update("UPDATE web_connector_accounts SET last_answered_at = ? WHERE connection_id = ?", at, connectionId);
    }

    void recordVersion(UUID connectionId, String version) {
        sql.update("UPDATE web_connector_accounts SET qbxml_version = ? WHERE connection_id = ? AND qbxml_version IS DISTINCT FROM ?",
                version, connectionId, version);
    }

    void recordUnreachable(UUID connectionId, String message, Instant at) {
        sql.update("UPDATE web_connector_accounts SET unreachable_message = ?, unreachable_at = ? WHERE connection_id = ?",
                message, at, connectionId);
    }

    private Optional<WebConnectorAccount> find(UUID connectionId) {
        return sql.one("SELECT " + COLUMNS + " FROM web_connector_accounts WHERE connection_id = ?", WebConnectorAccounts::account, connectionId);
    }

    private WebConnectorAccount create(UUID tenantId, UUID connectionId) {
        String compact = connectionId.toString().replace("-", "");
        // Short and readable; the full id is the fallback in the unlikely case the short one is taken.
        String userName = "mlc-" + compact.substring(0, 12);
        if (sql.one("SELECT 1 FROM connections WHERE id = ?", row -> 1, connectionId).isEmpty()) {
            // Row-level security hides other tenants' connections, so this also refuses theirs.
            throw new NotFound("Connection");
        }
        boolean taken = transactions.system(() -> sql.one("SELECT 1 FROM web_connector_accounts WHERE user_name = ?",
                row -> 1, userName)).isPresent();
        String chosen = taken ? "mlc-" + compact : userName;
        return sql.one("INSERT INTO web_connector_accounts (connection_id, tenant_id, user_name, owner_id, file_id) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (connection_id) DO UPDATE SET connection_id = EXCLUDED.connection_id RETURNING " + COLUMNS,
                WebConnectorAccounts::account, connectionId, tenantId, chosen, UUID.randomUUID(), UUID.randomUUID()).orElseThrow();
    }

    private String generatePassword() {
        char[] password = new char[PASSWORD_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)];
        }
        return new String(password);
    }

    private static WebConnectorAccount account(ResultSet row) throws SQLException {
        return new WebConnectorAccount(row.getObject("tenant_id", UUID.class), row.getObject("connection_id", UUID.class),
                row.getString("user_name"), row.getBoolean("password_set"), row.getObject("owner_id", UUID.class),
                row.getObject("file_id", UUID.class), Sql.instant(row, "last_polled_at"), Sql.instant(row, "last_answered_at"),
                row.getString("qbxml_version"), row.getString("unreachable_message"), Sql.instant(row, "unreachable_at"));
    }
}
