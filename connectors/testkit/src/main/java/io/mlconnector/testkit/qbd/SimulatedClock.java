package io.mlconnector.testkit.qbd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The company file's clock. It only moves when a test moves it, so TimeCreated, TimeModified,
 * EditSequence values and modified-date filters are reproducible. QuickBooks keeps whole seconds.
 */
public final class SimulatedClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public SimulatedClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start").truncatedTo(ChronoUnit.SECONDS);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** 2024-01-15T09:00:00 in UTC: a fixed, unremarkable default. */
    public static SimulatedClock standard() {
        return new SimulatedClock(Instant.parse("2024-01-15T09:00:00Z"), ZoneId.of("UTC"));
    }

    public synchronized void set(Instant instant) {
        this.now = Objects.requireNonNull(instant, "instant").truncatedTo(ChronoUnit.SECONDS);
    }

    public synchronized void advance(Duration duration) {
        this.now = now.plus(duration).truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SimulatedClock copy = new SimulatedClock(now, zone);
        return copy;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
