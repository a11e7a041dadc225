package io.mlconnector.testkit.context;

import io.mlconnector.api.context.IdMappings;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The id ledger in memory, with the same promise as the platform's table: one target per
 * (kind, source), and {@link #put} refuses to overwrite, atomically.
 */
public final class InMemoryIdMappings implements IdMappings {

    private final Map<String, Map<String, String>> byKind = new ConcurrentHashMap<>();

    private Map<String, String> kind(String kind) {
        return byKind.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
    }

    @Override
    public Optional<String> target(String kind, String sourceId) {
        return Optional.ofNullable(kind(kind).get(sourceId));
    }

    @Override
    public Optional<String> source(String kind, String targetId) {
        return kind(kind).entrySet().stream()
                .filter(e -> e.getValue().equals(targetId))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }

    @Override
    public boolean put(String kind, String sourceId, String targetId) {
        return kind(kind).putIfAbsent(sourceId, targetId) == null;
    }

    @Override
    public void replace(String kind, String sourceId, String targetId) {
        kind(kind).put(sourceId, targetId);
    }

    @Override
    public void remove(String kind, String sourceId) {
        kind(kind).remove(sourceId);
    }

    /** Every mapping of one kind (a copy), source to target. */
    public Map<String, String> all(String kind) {
        return Map.copyOf(kind(kind));
    }
}
