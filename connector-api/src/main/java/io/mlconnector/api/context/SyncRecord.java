package io.mlconnector.api.context;

import java.time.Instant;
import java.util.UUID;

/** The state of one business object crossing between the two systems. */
public record SyncRecord(UUID id, String kind, String sourceId, String targetId, SyncStatus status, int attempts,
                         String lastError, String summary, Instant updatedAt) {
}
