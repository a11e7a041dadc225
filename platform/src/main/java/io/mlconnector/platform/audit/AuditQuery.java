package io.mlconnector.platform.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/** A filter over one tenant's audit log; any part may be absent. Pages are newest first. */
public record AuditQuery(
        @Nullable UUID connectionId,
        @Nullable String correlationId,
        @Nullable Instant from,
        @Nullable Instant to,
        int page,
        int size) {

    public static final int MAX_PAGE_SIZE = 500;

    public AuditQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, MAX_PAGE_SIZE);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, 0, 50);
    }
}
