package io.mlconnector.testkit.context;

import io.mlconnector.api.context.Credentials;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A connection's credentials held in memory; tests may change them between calls (e.g. a rotated secret). */
public final class InMemoryCredentials implements Credentials {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** What a connector stores itself (e.g. a webhook verifier); tests read it back with {@link #get}. */
    @Override
    public void put(String key, String value) {
        set(key, value);
    }

    public void set(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }
}
