package io.mlconnector.api;

import java.time.Duration;

/** A passing problem (rate limit, timeout, system down): try the same work again later. */
public class RetryLater extends RuntimeException {

    private final Duration after;

    public RetryLater(String reason) {
        this(reason, null);
    }

    /** @param after how long the other system asked us to wait, or null to use the platform's backoff */
    public RetryLater(String reason, Duration after) {
        super(reason);
        this.after = after;
    }

    public Duration after() {
        return after;
    }
}
