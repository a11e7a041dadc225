package io.mlconnector.systems.qbo;

import io.mlconnector.testkit.context.DirectOutboundHttp;
import io.mlconnector.testkit.qbo.FakeQboCompany;
import io.mlconnector.testkit.qbo.FakeQuickBooksOnline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake company with a client on it whose token refresh hands out the next token the fake accepts. */
final class FakeQboSetup implements AutoCloseable {

    static final String REALM = "9130350000000001";

    final FakeQuickBooksOnline fake = FakeQuickBooksOnline.start();
    final FakeQboCompany company = fake.addCompany(REALM, "Lovelace Engines Ltd", "GBP", false);
    final AtomicInteger refreshes = new AtomicInteger();
    volatile boolean refreshAccepted = true;
    volatile String token = "access-1";
    final QboClient client;
    /** How long the pacer has waited in total. */
    final AtomicReference<Duration> skipped = new AtomicReference<>(Duration.ZERO);

    private final class JumpingClock extends Clock {
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
            return Instant.now().plus(skipped.get());
        }
    }

    FakeQboSetup() {
        fake.acceptToken(token, REALM);
        QboAccessTokens tokens = new QboAccessTokens() {
            @Override
            public String current() {
                return token;
            }

            @Override
            public String refresh(String rejected) {
                refreshes.incrementAndGet();
                token = "access-" + (refreshes.get() + 1);
                if (refreshAccepted) {
                    fake.acceptToken(token, REALM);
                }
                return token;
            }
        };
        // The pacer's clock jumps forward when it waits, so a paced test takes no real time.
        client = new QboClient(new DirectOutboundHttp(), fake.baseUrl(), REALM, tokens,
                new QboRequestPacer(new JumpingClock(), d -> skipped.updateAndGet(s -> s.plus(d))));
    }

    QuickBooksOnline books() {
        return new QuickBooksOnline(client, "GBP");
    }

    @Override
    public void close() {
        fake.close();
    }
}
