package io.mlconnector.platform.webhooks;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many webhook deliveries one sender address may make to one webhook address: a token bucket
 * per (webhook token, source address). A sender that goes over gets 429 and retries later, as
 * payment systems do; the real sender, coming from its own addresses, keeps
 * its own allowance.
 */
@Singleton
public class DeliveryRateLimit {

    private static final int MAX_TRACKED = 50_000;

    private record Key(String token, String address) {
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perSecond;
    private final double burst;

    public DeliveryRateLimit(@Value("${ml.webhooks.rate-limit.per-second:20}") double perSecond,
                             @Value("${ml.webhooks.rate-limit.burst:200}") double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** True when the delivery may go on; false when the sender must slow down. */
    public boolean admit(String token, String address) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        boolean[] admitted = new boolean[1];
        buckets.compute(new Key(token, address), (key, bucket) -> {
            Bucket current = bucket == null ? new Bucket(burst, now) : bucket;
            current.tokens = Math.min(burst, current.tokens + (now - current.refilledAt) / 1e9 * perSecond);
            current.refilledAt = now;
            if (current.tokens >= 1) {
                current.tokens -= 1;
                admitted[0] = true;
            }
            return current;
        });
        return admitted[0];
    }

    /** Seconds until one more delivery is allowed, for Retry-After. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / perSecond));
    }
}
