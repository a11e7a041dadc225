package io.mlconnector.platform.qbwc;

import io.mlconnector.api.qbd.QuickBooksDesktop;
import io.mlconnector.api.qbd.QuickBooksRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A plugin's view of its connection's QuickBooks Desktop: the connection's Web Connector queue. */
public final class PlatformQuickBooksDesktop implements QuickBooksDesktop {

    private final QuickBooksQueue queue;
    private final UUID tenantId;
    private final UUID connectionId;

    public PlatformQuickBooksDesktop(QuickBooksQueue queue, UUID tenantId, UUID connectionId) {
        this.queue = queue;
        this.tenantId = tenantId;
        this.connectionId = connectionId;
    }

    @Override
    public String enqueue(QuickBooksRequest request) {
        return queue.enqueue(tenantId, connectionId, request);
    }

    @Override
    public List<String> enqueueInOrder(List<QuickBooksRequest> requests) {
        return queue.enqueueInOrder(tenantId, connectionId, requests);
    }

    @Override
    public int pending(String correlation) {
        return queue.pending(tenantId, connectionId, correlation);
    }

    @Override
    public Optional<Instant> lastPolledAt() {
        return queue.lastPolledAt(tenantId, connectionId);
    }

    @Override
    public Optional<String> qbxmlVersion() {
        return queue.qbxmlVersion(tenantId, connectionId);
    }
}
