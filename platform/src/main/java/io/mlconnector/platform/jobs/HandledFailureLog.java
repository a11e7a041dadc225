package io.mlconnector.platform.jobs;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per failed run of a job, with the tenant and the connection: the failure is handled
 * (retried, or parked for a person to replay), so it is no stack trace. Other systems answering
 * 404 or 5xx are part of the job, not a fault of the platform. The stack trace is logged at DEBUG.
 */
final class HandledFailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(HandledFailureLog.class);

    private HandledFailureLog() {
    }

    /** {@code retryIn} is null when the work is given up. */
    static void failed(String what, UUID tenantId, UUID connectionId, int attempt, Duration retryIn, Throwable cause) {
        String reason = cause == null ? "unknown failure" : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        try (MDC.MDCCloseable tenant = MDC.putCloseable("tenant_id", tenantId == null ? "-" : tenantId.toString())) {
            if (retryIn != null) {
                LOG.warn("{} of connection {} failed (attempt {}), tried again in {} s: {}", what, connectionId, attempt,
                        Math.max(1, retryIn.toSeconds()), reason);
            } else {
                LOG.warn("{} of connection {} failed (attempt {}) and is given up, shown as failed: {}", what, connectionId, attempt, reason);
            }
            LOG.debug("{} of connection {} failed", what, connectionId, cause);
        }
    }
}
