package io.mlconnector.platform.runtime;

import io.micronaut.context.annotation.Value;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.OutboundHttp;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Outbound HTTP for connectors: a token bucket per system on this instance, up to three retries on
 * 429 and 5xx with exponential backoff and jitter (or the wait the other side asked for), and then
 * {@link RetryLater} so the job system takes over.
 */
@Singleton
public class PlatformOutboundHttp implements OutboundHttp {

    private static final int MAX_TRIES = 3;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final double ratePerSecond;

    public PlatformOutboundHttp(@Value("${ml.outbound.requests-per-second:8}") double ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
    }

    @Override
    public HttpResponse<String> send(String system, HttpRequest request) {
        TokenBucket bucket = buckets.computeIfAbsent(system, s -> new TokenBucket(ratePerSecond, Math.max(1, (int) ratePerSecond)));
        for (int attempt = 1; ; attempt++) {
            bucket.take();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= MAX_TRIES) {
                    throw new RetryLater(system + " could not be reached: " + e.getClass().getSimpleName());
                }
                pause(backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetryLater("Interrupted while calling " + system);
            }
            int status = response.statusCode();
            if (status != 429 && status < 500) {
                return response;
            }
            Duration wait = retryAfter(response).orElse(backoff(attempt));
            if (attempt >= MAX_TRIES || wait.compareTo(Duration.ofSeconds(30)) > 0) {
                throw new RetryLater(system + " answered " + status + (status == 429 ? " (rate limited)" : ""), wait);
            }
            pause(wait);
        }
    }

    static Duration backoff(int attempt) {
        long base = 250L << Math.min(attempt, 8);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return java.util.Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (RuntimeException unparsable) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("Interrupted while waiting to retry");
        }
    }

    /** Refills continuously at {@code rate} tokens per second up to {@code capacity}. */
    static final class TokenBucket {
        private final double rate;
        private final int capacity;
        private double tokens;
        private long last = System.nanoTime();

        TokenBucket(double rate, int capacity) {
            this.rate = rate;
            this.capacity = capacity;
            this.tokens = capacity;
        }

        synchronized void take() {
            while (true) {
                long now = System.nanoTime();
                tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
                last = now;
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                long waitNanos = (long) ((1 - tokens) / rate * 1e9);
                try {
                    wait(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RetryLater("Interrupted while rate limited");
                }
            }
        }
    }
}
