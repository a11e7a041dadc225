package io.mlconnector.web.support;

import io.mlconnector.api.context.SyncStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages show times and statuses. Times are written in UTC with a machine-readable twin, which a
 * small script turns into the reader's own time zone when scripts run.
 */
@Singleton
public class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public Formats(Clock clock) {
        this.clock = clock;
    }

    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
    public String ago(Instant instant) {
        if (instant == null) {
            return "never";
        }
        Duration age = Duration.between(instant, clock.instant());
        if (age.isNegative() || age.toSeconds() < 60) {
            return "just now";
        }
        if (age.toMinutes() < 120) {
            return plural(age.toMinutes(), "minute") + " ago";
        }
        if (age.toHours() < 48) {
            return plural(age.toHours(), "hour") + " ago";
        }
        return plural(age.toDays(), "day") + " ago";
    }

    /** A sync status in plain words. */
    public String status(SyncStatus status) {
        return status == null ? "" : switch (status) {
            case PENDING -> "Received";
            case WAITING_FOR_QUICKBOOKS -> "Waiting for the Web Connector";
            case DONE -> "Synced";
            case NEEDS_ATTENTION -> "Needs you";
            case FAILED -> "Failed";
            case SKIPPED -> "Skipped";
        };
    }

    /** The CSS class of a status badge: colour is never the only signal, the words always show. */
    public String tone(SyncStatus status) {
        return status == null ? "neutral" : switch (status) {
            case DONE -> "ok";
            case FAILED -> "bad";
            case NEEDS_ATTENTION -> "warn";
            case PENDING, WAITING_FOR_QUICKBOOKS -> "info";
            case SKIPPED -> "neutral";
        };
    }

    /** An audit step such as {@code payment.posted} in words: "payment posted". */
    public String step(String step) {
        return step == null ? "" : step.replace('.', ' ').replace('-', ' ').replace('_', ' ');
    }

    /** Steps of the platform's Web Connector service: every message to and from it, shown on request. */
    public boolean technical(String step) {
        return step != null && step.startsWith("qbwc.");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
