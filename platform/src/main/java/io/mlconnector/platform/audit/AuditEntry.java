package io.mlconnector.platform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * One step in the life of something ml-connector did: an event received, a mapping decided, a
 * request sent, a response read. {@code sourceId} and {@code targetId} are the external ids on
 * each side (e.g. a payment id of the payments system and the accounting system's transaction id).
 * Never holds a secret.
 */
@Serdeable
public record AuditEntry(
        @Nullable Long id,
        UUID tenantId,
        @Nullable UUID connectionId,
        @Nullable String correlationId,
        String step,
        String outcome,
        @Nullable String sourceId,
        @Nullable String targetId,
        @Nullable String message,
        @Nullable Instant occurredAt) {

    public static AuditEntry of(UUID tenantId, String step, String outcome) {
        return new AuditEntry(null, tenantId, null, null, step, outcome, null, null, null, null);
    }

    public AuditEntry connection(UUID value) {
        return new AuditEntry(id, tenantId, value, correlationId, step, outcome, sourceId, targetId, message, occurredAt);
    }

    public AuditEntry correlation(String value) {
        return new AuditEntry(id, tenantId, connectionId, value, step, outcome, sourceId, targetId, message, occurredAt);
    }

    public AuditEntry ids(String source, String target) {
        return new AuditEntry(id, tenantId, connectionId, correlationId, step, outcome, source, target, message, occurredAt);
    }

    public AuditEntry message(String value) {
        return new AuditEntry(id, tenantId, connectionId, correlationId, step, outcome, sourceId, targetId, value, occurredAt);
    }
}
