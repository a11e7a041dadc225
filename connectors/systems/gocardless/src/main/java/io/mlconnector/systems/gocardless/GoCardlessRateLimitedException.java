package io.mlconnector.systems.gocardless;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * GoCardless answered 429: too many requests in the current window. The official client does not
 * retry these, so the caller waits {@link #retryAfter()} (from {@code RateLimit-Reset}) and tries
 * again, typically by rescheduling the job.
 */
public final class GoCardlessRateLimitedException extends GoCardlessException {

    private final Duration retryAfter;
    private final Instant resetAt;
    private final Integer limit;

    public GoCardlessRateLimitedException(String what, Duration retryAfter, Instant resetAt, Integer limit) {
        super("GoCardless is rate limiting requests (" + what + "); try again in "
                + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
        this.resetAt = resetAt;
        this.limit = limit;
    }

    /** How long to wait before the next request; at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** When the window resets, if GoCardless said so. */
    public Optional<Instant> resetAt() {
        return Optional.ofNullable(resetAt);
    }

    /** Requests allowed per window, if GoCardless said so. */
    public Optional<Integer> limit() {
        return Optional.ofNullable(limit);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
