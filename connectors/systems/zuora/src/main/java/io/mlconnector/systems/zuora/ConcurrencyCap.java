package io.mlconnector.systems.zuora;

import io.mlconnector.api.RetryLater;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * No more requests in flight per Zuora tenant than the connection allows, across every connection
 * and thread of this instance. Zuora refuses requests over its concurrent limit with 429
 * {@code REQUEST_EXCEEDED_LIMIT}; waiting here is cheaper than being refused.
 */
final class ConcurrencyCap {

    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private static final Map<String, Semaphore> CAPS = new ConcurrentHashMap<>();

    private ConcurrencyCap() {
    }

    static Semaphore of(ZuoraConnection connection) {
        return CAPS.computeIfAbsent(connection.tenantKey() + "|" + connection.maxConcurrent(),
                k -> new Semaphore(connection.maxConcurrent(), true));
    }

    static void acquire(Semaphore cap) {
        try {
            if (!cap.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RetryLater("Every request this connection may have open with Zuora is busy", Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("Interrupted while waiting for a free Zuora request");
        }
    }
}
