package io.mlconnector.testkit.stripe;

import java.time.Instant;

/**
 * Rate limiting and failures the fake applies before a request reaches its endpoint, so nothing is
 * stored for them (Stripe keeps an idempotent result only once an endpoint has begun).
 */
final class StripeFaults {

    /** What to answer instead of handling the request; {@code shouldRetry} null sends no header. */
    record Fault(StripeApiError error, Boolean shouldRetry) {
    }

    private int throttles;
    private Boolean throttleShouldRetry;
    private int failures;
    private int failureStatus = 500;
    private int perSecond;
    private long second;
    private int usedThisSecond;
    private int faultsAnswered;

    synchronized void throttleNext(int count, Boolean shouldRetryHeader) {
        throttles = count;
        throttleShouldRetry = shouldRetryHeader;
    }

    synchronized void failNext(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("server errors are 5xx, not " + status);
        }
        failures = count;
        failureStatus = status;
    }

    synchronized void rateLimit(int requestsPerSecond) {
        perSecond = requestsPerSecond;
    }

    synchronized int faultsAnswered() {
        return faultsAnswered;
    }

    synchronized Fault decide(Instant now) {
        if (throttles > 0) {
            throttles--;
            faultsAnswered++;
            return new Fault(StripeApiError.rateLimited(), throttleShouldRetry);
        }
        if (perSecond > 0) {
            long s = now.getEpochSecond();
            if (s != second) {
                second = s;
                usedThisSecond = 0;
            }
            if (++usedThisSecond > perSecond) {
                faultsAnswered++;
                return new Fault(StripeApiError.rateLimited(), null);
            }
        }
        if (failures > 0) {
            failures--;
            faultsAnswered++;
            return new Fault(StripeApiError.serverError(failureStatus), null);
        }
        return null;
    }
}
