package io.mlconnector.platform.qbwc;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.mlconnector.api.qbd.QuickBooksResponse;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the connector runtime in tests: records every response per connection, and can
 * react to one the way a plugin does (queue the next page of an iterator).
 */
@Singleton
@Primary
@Requires(property = RecordingResponseHandler.ENABLED, value = "true")
public class RecordingResponseHandler implements QuickBooksResponseHandler {

    public static final String ENABLED = "ml.qbwc.test.recording-handler";

    /** What a test plugin does with a response. */
    @FunctionalInterface
    public interface Reaction {
        void react(UUID tenantId, UUID connectionId, QuickBooksResponse response);
    }

    private final Map<UUID, List<QuickBooksResponse>> byConnection = new ConcurrentHashMap<>();
    private final Map<UUID, Reaction> reactions = new ConcurrentHashMap<>();
    private final Map<UUID, RuntimeException> failures = new ConcurrentHashMap<>();

    @Override
    public void deliver(UUID tenantId, UUID connectionId, QuickBooksResponse response) {
        RuntimeException failure = failures.get(connectionId);
        if (failure != null) {
            throw failure;
        }
        byConnection.computeIfAbsent(connectionId, id -> new CopyOnWriteArrayList<>()).add(response);
        Reaction reaction = reactions.get(connectionId);
        if (reaction != null) {
            reaction.react(tenantId, connectionId, response);
        }
    }

    public List<QuickBooksResponse> responses(UUID connectionId) {
        return List.copyOf(byConnection.getOrDefault(connectionId, List.of()));
    }

    public void reactFor(UUID connectionId, Reaction reaction) {
        reactions.put(connectionId, reaction);
    }

    /** Makes every delivery for the connection fail until {@link #recover} is called. */
    public void failFor(UUID connectionId, RuntimeException failure) {
        failures.put(connectionId, failure);
    }

    public void recover(UUID connectionId) {
        failures.remove(connectionId);
    }
}
