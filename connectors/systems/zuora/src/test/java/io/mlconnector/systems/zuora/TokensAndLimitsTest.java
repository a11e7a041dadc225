package io.mlconnector.systems.zuora;

import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.testkit.context.DirectOutboundHttp;
import io.mlconnector.testkit.zuora.FakeZuora;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensAndLimitsTest {

    private FakeZuora zuora;
    private final DirectOutboundHttp http = new DirectOutboundHttp();

    @BeforeEach
    void start() {
        ClientCredentialsTokens.forgetAll();
        zuora = FakeZuora.start();
    }

    @AfterEach
    void stop() {
        zuora.close();
    }

    private ZuoraApi api(ZuoraConnection connection, Clock clock) {
        return new ZuoraApi(connection, new ClientCredentialsTokens(connection, http, clock), http);
    }

    private ZuoraConnection connection() {
        return new ZuoraConnection(zuora.baseUrl(), zuora.clientId(), zuora.clientSecret());
    }

    @Test
    void oneTokenServesManyCallsUntilShortlyBeforeItsHourIsUp() {
        MutableClock clock = new MutableClock();
        String account = zuora.createAccount("Fi", "USD");
        ZuoraApi api = api(connection(), clock);
        for (int i = 0; i < 5; i++) {
            api.account(account).orElseThrow();
        }
        assertEquals(1, zuora.tokensIssued());
        clock.advance(Duration.ofMinutes(56));
        api.account(account).orElseThrow();
        assertEquals(2, zuora.tokensIssued(), "renewed before expires_in ran out");
        assertEquals("application/x-www-form-urlencoded", zuora.requests().get(0).header("Content-Type").orElseThrow());
        assertTrue(zuora.requests().get(0).header("Authorization").isEmpty(), "no auth header on the token call");
    }

    @Test
    void aTokenThatLapsesMidRunIsReplacedAndTheCallGoesThrough() {
        String account = zuora.createAccount("Gus", "USD");
        ZuoraApi api = api(connection(), Clock.systemUTC());
        api.account(account).orElseThrow();
        zuora.expireTokens();
        assertEquals("Gus", api.account(account).orElseThrow().name());
        assertEquals(2, zuora.tokensIssued());
    }

    @Test
    void aWrongSecretMeansNeedsReconnectWithoutTheSecretInTheMessage() {
        ZuoraConnection wrong = new ZuoraConnection(zuora.baseUrl(), zuora.clientId(), "not-the-secret");
        CredentialsRejected refused = assertThrows(CredentialsRejected.class, () -> api(wrong, Clock.systemUTC()).account("x"));
        assertEquals("zuora", refused.system());
        assertFalse(refused.getMessage().contains("not-the-secret"));
    }

    @Test
    void aRateLimitWaitsAsLongAsRateLimitResetSays() {
        ZuoraApi api = api(connection(), Clock.systemUTC());
        api.account("warm-up-token");
        zuora.throttleNext(1, 17);
        RetryLater later = assertThrows(RetryLater.class, () -> api.account("x"));
        assertEquals(Duration.ofSeconds(17), later.after());
    }

    @Test
    void theConcurrentLimitWaitsAsLongAsRetryAfterSays() throws Exception {
        zuora.concurrentLimit(1, 120);
        zuora.pauseEachRequest(Duration.ofMillis(300));
        // Two connections of the same tenant with caps of 2 each would overrun a limit of 1.
        ZuoraApi api = api(new ZuoraConnection(zuora.baseUrl(), zuora.clientId(), zuora.clientSecret(), null, 2), Clock.systemUTC());
        api.account("warm-up-token");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> api.account("x")));
            }
            RetryLater refused = null;
            for (Future<?> call : calls) {
                try {
                    call.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    refused = (RetryLater) e.getCause();
                }
            }
            assertTrue(refused != null, "one of two overlapping calls was refused");
            assertEquals(Duration.ofSeconds(120), refused.after());
            assertTrue(refused.getMessage().contains("concurrent"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noMoreRequestsAreInFlightThanTheConnectionAllows() throws Exception {
        zuora.concurrentLimit(3, 120);
        zuora.pauseEachRequest(Duration.ofMillis(50));
        String account = zuora.createAccount("Hal", "USD");
        ZuoraConnection capped = new ZuoraConnection(zuora.baseUrl(), zuora.clientId(), zuora.clientSecret(), null, 3);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<ZuoraAccount>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(pool.submit(() -> api(capped, Clock.systemUTC()).account(account).orElseThrow()));
            }
            for (Future<ZuoraAccount> call : calls) {
                assertEquals("Hal", call.get().name());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(zuora.maxConcurrentSeen() <= 3, "at most 3 in flight, saw " + zuora.maxConcurrentSeen());
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
