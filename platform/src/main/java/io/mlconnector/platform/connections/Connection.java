package io.mlconnector.platform.connections;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A tenant's use of one connector, with its own credentials, settings and webhook address. */
public record Connection(UUID id, UUID tenantId, String connectorId, String name, Status status, String webhookToken,
                         Map<String, String> settings, String lastError, Instant lastErrorAt, Instant createdAt,
                         Reconnect reconnect) {

    /** A system refused the stored credentials: a person must enter new ones. Null while they work. */
    public record Reconnect(String system, String reason, Instant since) {
    }

    /** Whether work runs for the connection. Paused connections still store incoming events. */
    public enum Status { ACTIVE, PAUSED }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
