package io.mlconnector.api.context;

import java.util.Optional;

/** The connection's settings, validated against the spec, defaults filled in. */
public interface Settings {

    Optional<String> get(String key);

    default String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    default boolean flag(String key) {
        return get(key).map(Boolean::parseBoolean).orElse(false);
    }

    default int number(String key, int fallback) {
        return get(key).map(Integer::parseInt).orElse(fallback);
    }
}
