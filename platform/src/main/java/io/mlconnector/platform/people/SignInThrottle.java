package io.mlconnector.platform.people;

import io.micronaut.context.annotation.Value;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows down password guessing. Failures are counted in PostgreSQL, so every instance of the
 * platform sees the same count: after too many failures for one account from one client address,
 * or from one client address overall, within the window, further attempts from that address are
 * refused without checking the password until the window passes. The account itself is never
 * locked: its owner (or its Web Connector) signing in from their own address keeps working while
 * someone else guesses.
 */
@Singleton
public class SignInThrottle {

    private final Sql sql;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final int maxPerAccountAndClient;
    private final int maxPerClient;
    private final Duration window;

    public SignInThrottle(Sql sql, TenantTransactions transactions, Clock clock,
                          @Value("${ml.sign-in.max-failures-per-account-and-client:5}") int maxPerAccountAndClient,
                          @Value("${ml.sign-in.max-failures-per-client:50}") int maxPerClient,
                          @Value("${ml.sign-in.window:15m}") Duration window) {
        this.sql = sql;
        this.transactions = transactions;
        this.clock = clock;
        this.maxPerAccountAndClient = maxPerAccountAndClient;
        this.maxPerClient = maxPerClient;
        this.window = window;
    }

    public boolean isThrottled(String account, String clientIp) {
        Instant since = clock.instant().minus(window);
        return transactions.system(() -> {
            long byAccountFromClient = sql.one("SELECT count(*) FROM sign_in_failures WHERE email_key = ? AND client_ip = ? AND attempted_at > ?",
                    row -> row.getLong(1), key(account), clientIp, since).orElse(0L);
            long byClient = sql.one("SELECT count(*) FROM sign_in_failures WHERE client_ip = ? AND attempted_at > ?",
                    row -> row.getLong(1), clientIp, since).orElse(0L);
            return byAccountFromClient >= maxPerAccountAndClient || byClient >= maxPerClient;
        });
    }

    public void recordFailure(String account, String clientIp) {
        transactions.system(() -> sql.update("INSERT INTO sign_in_failures (email_key, client_ip, attempted_at) VALUES (?, ?, ?)",
                key(account), clientIp, clock.instant()));
    }

    /** The right password from this address: its earlier mistakes there are forgiven, others' guesses are not. */
    public void recordSuccess(String account, String clientIp) {
        transactions.system(() -> sql.update("DELETE FROM sign_in_failures WHERE email_key = ? AND client_ip = ?", key(account), clientIp));
    }

    /** Wrong passwords tried for the account within the window, from anywhere. */
    public RecentFailures recentFailures(String account) {
        Instant since = clock.instant().minus(window);
        return transactions.system(() -> sql.one(
                "SELECT count(*), count(DISTINCT client_ip), max(attempted_at) AS last FROM sign_in_failures WHERE email_key = ? AND attempted_at > ?",
                row -> new RecentFailures(row.getLong(1), row.getLong(2), Sql.instant(row, "last"), window), key(account), since))
                .orElse(new RecentFailures(0, 0, null, window));
    }

    /** How many wrong passwords, from how many addresses, the last when, within how long. */
    public record RecentFailures(long count, long addresses, Instant last, Duration window) {
    }

    private static String key(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
