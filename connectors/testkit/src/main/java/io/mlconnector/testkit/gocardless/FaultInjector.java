package io.mlconnector.testkit.gocardless;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Rate limiting and failures the fake applies before (or after) it handles a request.
 *
 * <p>Like GoCardless, every answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset}; the reset is an HTTP date (as in GoCardless's recorded sandbox answers)
 * at the end of the current fixed window.
 */
final class FaultInjector {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    /** What the handler should do with one request, and the rate-limit headers to send with it. */
    record Decision(GcApiError failBefore, boolean failAfter, int limit, int remaining, String reset) {
    }

    private int limit = 1000;
    private Duration window = Duration.ofMinutes(1);
    private Instant windowStart = Instant.EPOCH;
    private int usedInWindow;

    private int forcedThrottles;
    private Duration forcedResetIn = Duration.ZERO;
    private int forcedFailures;
    private int forcedFailureStatus = 500;
    private int lostResponses;

    synchronized void rateLimit(int requestsPerWindow, Duration windowLength) {
        if (requestsPerWindow < 1 || windowLength.isNegative() || windowLength.isZero()) {
            throw new IllegalArgumentException("rate limit needs at least one request per positive window");
        }
        this.limit = requestsPerWindow;
        this.window = windowLength;
        this.windowStart = Instant.EPOCH;
        this.usedInWindow = 0;
    }

    synchronized void throttleNext(int count, Duration resetIn) {
        forcedThrottles = count;
        forcedResetIn = resetIn;
    }

    synchronized void failNext(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("server errors are 5xx, not " + status);
        }
        forcedFailures = count;
        forcedFailureStatus = status;
    }

    synchronized void loseNextResponses(int count) {
        lostResponses = count;
    }

    synchronized Decision decide(Instant now) {
        long windowMillis = window.toMillis();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        if (!start.equals(windowStart)) {
            windowStart = start;
            usedInWindow = 0;
        }
        usedInWindow++;
        String windowReset = httpDate(windowStart.plus(window));
        if (forcedThrottles > 0) {
            forcedThrottles--;
            Instant reset = now.plus(forcedResetIn).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            return new Decision(GcApiError.rateLimited(), false, limit, 0, httpDate(reset));
        }
        int remaining = Math.max(0, limit - usedInWindow);
        if (usedInWindow > limit) {
            return new Decision(GcApiError.rateLimited(), false, limit, 0, windowReset);
        }
        if (forcedFailures > 0) {
            forcedFailures--;
            return new Decision(GcApiError.internal(forcedFailureStatus), false, limit, remaining, windowReset);
        }
        boolean lose = false;
        if (lostResponses > 0) {
            lostResponses--;
            lose = true;
        }
        return new Decision(null, lose, limit, remaining, windowReset);
    }

    /** IMF-fixdate, e.g. {@code Tue, 14 Apr 2015 09:35:00 GMT} (two-digit day, unlike RFC_1123_DATE_TIME). */
    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
