package io.mlconnector.platform.connections;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A tenant's use of one connector, with its own credentials, settings and webhook address. */
public record Connection(UUID id, UUID tenantId, String connectorId, String name, Status status, String webhookToken,
                         Map<String, String> settings, String lastError, Instant lastErrorAt, Instant createdAt) {

    /** Whether work runs for the connection. Paused connections still store incoming events. */
    public enum Status { ACTIVE, PAUSED }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
