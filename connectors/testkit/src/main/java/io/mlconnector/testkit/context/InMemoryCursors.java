package io.mlconnector.testkit.context;

import io.mlconnector.api.context.Cursors;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Poll positions in memory. */
public final class InMemoryCursors implements Cursors {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public void set(String name, String value) {
        values.put(name, value);
    }
}
