package io.mlconnector.systems.gocardless;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitHeadersTest {

    private static final Instant NOW = Instant.parse("2015-04-14T09:34:09Z");

    @Test
    void readsTheHttpDateGoCardlessSends() {
        assertEquals(Instant.parse("2015-04-14T09:35:00Z"),
                RateLimitHeaders.resetInstant("Tue, 14 Apr 2015 09:35:00 GMT", NOW));
        assertEquals(Instant.parse("2015-04-04T09:35:00Z"),
                RateLimitHeaders.resetInstant("Sat, 4 Apr 2015 09:35:00 GMT", NOW));
    }

    @Test
    void readsEpochSecondsAndSecondsToWait() {
        assertEquals(Instant.ofEpochSecond(1_429_004_100L), RateLimitHeaders.resetInstant("1429004100", NOW));
        assertEquals(NOW.plusSeconds(30), RateLimitHeaders.resetInstant("30", NOW));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertNull(RateLimitHeaders.resetInstant("soon", NOW));
        assertNull(RateLimitHeaders.resetInstant("", NOW));
        assertNull(RateLimitHeaders.resetInstant(null, NOW));
        assertNull(RateLimitHeaders.resetInstant("99999999999999999999999", NOW));
    }

    @Test
    void withoutHeadersTheWaitIsAFullWindow() {
        RateLimitHeaders.forget();

        GoCardlessRateLimitedException e = RateLimitHeaders.toException("x", Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(Duration.ofSeconds(60), e.retryAfter());
        assertTrue(e.resetAt().isEmpty());
    }
}
