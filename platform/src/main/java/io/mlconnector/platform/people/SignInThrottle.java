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
 * platform sees the same count: after too many failures for one address, or from one client, within
 * the window, further attempts are refused without checking the password until the window passes.
 */
@Singleton
public class SignInThrottle {

    private final Sql sql;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final int maxPerEmail;
    private final int maxPerClient;
    private final Duration window;

    public SignInThrottle(Sql sql, TenantTransactions transactions, Clock clock,
                          @Value("${ml.sign-in.max-failures-per-email:5}") int maxPerEmail,
                          @Value("${ml.sign-in.max-failures-per-client:50}") int maxPerClient,
                          @Value("${ml.sign-in.window:15m}") Duration window) {
        this.sql = sql;
        this.transactions = transactions;
        this.clock = clock;
        this.maxPerEmail = maxPerEmail;
        this.maxPerClient = maxPerClient;
        this.window = window;
    }

    public boolean isThrottled(String email, String clientIp) {
        Instant since = clock.instant().minus(window);
        return transactions.system(() -> {
            long byEmail = count("email_key", key(email), since);
            long byClient = count("client_ip", clientIp, since);
            return byEmail >= maxPerEmail || byClient >= maxPerClient;
        });
    }

    public void recordFailure(String email, String clientIp) {
        transactions.system(() -> sql.update("INSERT INTO sign_in_failures (email_key, client_ip, attempted_at) VALUES (?, ?, ?)",
                key(email), clientIp, clock.instant()));
    }

    public void recordSuccess(String email) {
        transactions.system(() -> sql.update("DELETE FROM sign_in_failures WHERE email_key = ?", key(email)));
    }

    private long count(String column, String value, Instant since) {
        return sql.one("SELECT count(*) FROM sign_in_failures WHERE " + column + " = ? AND attempted_at > ?",
                row -> row.getLong(1), value, since).orElse(0L);
    }

    private static String key(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
