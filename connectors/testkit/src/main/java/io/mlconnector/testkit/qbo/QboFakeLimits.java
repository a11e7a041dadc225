package io.mlconnector.testkit.qbo;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * QuickBooks Online's throttles per company (10 requests per second, 500 per minute), plus forced
 * 429s and 5xx for tests. The real limits are only applied when switched on, so ordinary tests
 * need not pace themselves.
 */
final class QboFakeLimits {

    private final Map<String, Deque<Instant>> sent = new HashMap<>();
    private boolean enforce;
    private int forcedThrottles;
    private int retryAfterSeconds;
    private int forcedFailures;
    private int failureStatus = 500;

    synchronized void enforce(boolean on) {
        enforce = on;
    }

    synchronized void throttleNext(int count, int retryAfterSeconds) {
        this.forcedThrottles = count;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    synchronized void failNext(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("server errors are 5xx, not " + status);
        }
        forcedFailures = count;
        failureStatus = status;
    }

    /** Null when the request may proceed; else the fault to answer with. */
    synchronized QboFault admit(String realmId, Instant now) {
        if (forcedThrottles > 0) {
            forcedThrottles--;
            return QboFault.throttled();
        }
        if (forcedFailures > 0) {
            forcedFailures--;
            return QboFault.serverError(failureStatus);
        }
        Deque<Instant> log = sent.computeIfAbsent(realmId, r -> new ArrayDeque<>());
        while (!log.isEmpty() && !log.peekFirst().isAfter(now.minusSeconds(60))) {
            log.removeFirst();
        }
        if (enforce) {
            long lastSecond = log.stream().filter(t -> t.isAfter(now.minusSeconds(1))).count();
            if (lastSecond >= 10 || log.size() >= 500) {
                return QboFault.throttled();
            }
        }
        log.addLast(now);
        return null;
    }

    synchronized int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
