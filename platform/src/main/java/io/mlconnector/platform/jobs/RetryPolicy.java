package io.mlconnector.platform.jobs;

import io.micronaut.context.annotation.Value;
import io.mlconnector.api.RetryLater;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to retry a failing event: exponential backoff with full jitter (so a
 * system that comes back is not hit by every waiting retry at once), capped, and a wait the other
 * system asked for is honoured.
 */
@Singleton
public class RetryPolicy {

    private final int maxAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;

    public RetryPolicy(@Value("${ml.jobs.max-attempts:8}") int maxAttempts,
                       @Value("${ml.jobs.first-retry-delay:10s}") Duration firstDelay,
                       @Value("${ml.jobs.max-retry-delay:1h}") Duration maxDelay) {
        this.maxAttempts = maxAttempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /**
     * Work refused for bad credentials is never given up: it waits for a person to reconnect, and
     * parking it as failed would only make them replay it afterwards.
     */
    public boolean giveUp(int failuresSoFar, Throwable cause) {
        if (cause instanceof io.mlconnector.api.CredentialsRejected) {
            return false;
        }
        return failuresSoFar >= maxAttempts || cause instanceof io.mlconnector.api.CannotProcess;
    }

    public Duration delayAfter(int failuresSoFar, Throwable cause) {
        if (cause instanceof RetryLater later && later.after() != null) {
            return later.after().compareTo(maxDelay) > 0 ? maxDelay : later.after();
        }
        long ceiling = Math.min(maxDelay.toMillis(), firstDelay.toMillis() << Math.min(Math.max(failuresSoFar - 1, 0), 20));
        long half = Math.max(1, ceiling / 2);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
