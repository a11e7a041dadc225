package io.mlconnector.testkit.oauth;

import java.time.Duration;

/** Failures and delays the fake applies to its token and revoke endpoints, counted down per request. */
final class TokenFaults {

    private int failures;
    private int failureStatus = 503;
    private int slowAnswers;
    private Duration delay = Duration.ZERO;

    synchronized void failNext(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("server errors are 5xx, not " + status);
        }
        failures = count;
        failureStatus = status;
    }

    synchronized void slowNext(int count, Duration delay) {
        slowAnswers = count;
        this.delay = delay;
    }

    /** The delay before answering this request (zero when none). */
    synchronized Duration takeDelay() {
        if (slowAnswers > 0) {
            slowAnswers--;
            return delay;
        }
        return Duration.ZERO;
    }

    /** The 5xx status to answer this request with, or 0 to handle it. */
    synchronized int takeFailure() {
        if (failures > 0) {
            failures--;
            return failureStatus;
        }
        return 0;
    }
}
