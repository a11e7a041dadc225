package io.mlconnector.platform.qbwc;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/** One Web Connector session as stored: its connection, state, negotiated version and counters. */
record WebConnectorSession(UUID id, UUID tenantId, UUID connectionId, String state, Instant createdAt, Instant expiresAt,
                           @Nullable String qbxmlVersion, @Nullable String lastError, int roundTrips, int sent, int answered,
                           int failed, int requeued, int emptySends, int progress) {

    boolean open(Instant now) {
        return "open".equals(state) && expiresAt.isAfter(now);
    }

    /** Requests this session has finished with, one way or another: the "done" part of its progress. */
    int handled() {
        return answered + failed + requeued;
    }
}
