package io.mlconnector.testkit.context;

import java.time.Instant;

/** One line a connector wrote to the audit trail. */
public record AuditEntry(Instant at, String correlation, String step, String outcome, String sourceId,
                         String targetId, String message) {
}
