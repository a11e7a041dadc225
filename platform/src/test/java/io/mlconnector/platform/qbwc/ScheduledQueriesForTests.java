package io.mlconnector.platform.qbwc;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** Stands in for the connector runtime's scheduler in tests: queues what a test says is due when a session starts. */
@Singleton
@Primary
@Requires(property = RecordingResponseHandler.ENABLED, value = "true")
public class ScheduledQueriesForTests implements WebConnectorSessionListener {

    private final Map<UUID, BiConsumer<UUID, UUID>> due = new ConcurrentHashMap<>();

    @Override
    public void sessionStarting(UUID tenantId, UUID connectionId) {
        BiConsumer<UUID, UUID> work = due.remove(connectionId);
        if (work != null) {
            work.accept(tenantId, connectionId);
        }
    }

    /** Work that falls due at the connection's next Web Connector sign-in, once. */
    public void dueAtNextSignIn(UUID connectionId, BiConsumer<UUID, UUID> work) {
        due.put(connectionId, work);
    }
}
