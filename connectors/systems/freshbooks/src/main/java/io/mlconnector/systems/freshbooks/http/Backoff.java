package io.mlconnector.systems.freshbooks.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * How often and how long to wait before asking FreshBooks again after a 429 or 5xx: exponential with
 * full jitter (a random wait up to base·2^attempt, capped), so many connections that were refused at
 * once do not come back at once.
 *
 * @param attempts total tries, including the first
 * @param base     the first ceiling
 * @param cap      the largest wait, also the largest Retry-After honoured before giving up to the job system
 * @param random   picks a number in [0, bound]; replaceable so tests need no real randomness
 * @param sleeper  waits; replaceable so tests need no real time
 */
public record Backoff(int attempts, Duration base, Duration cap, LongUnaryOperator random, Sleeper sleeper) {

    /** Waits for a while. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /** Four tries, waits up to 0.5 s, 1 s, 2 s, never more than 20 s. */
    public static Backoff standard() {
        return new Backoff(4, Duration.ofMillis(500), Duration.ofSeconds(20),
                bound -> ThreadLocalRandom.current().nextLong(bound + 1), duration -> Thread.sleep(duration.toMillis()));
    }

    /** The same policy with another sleeper, e.g. one that records waits instead of sleeping. */
    public Backoff sleepingWith(Sleeper other) {
        return new Backoff(attempts, base, cap, random, other);
    }

    /** The wait before try {@code attempt + 1}, after {@code attempt} (1-based) was refused. */
    public Duration delayAfter(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(random.applyAsLong(ceiling));
    }
}
