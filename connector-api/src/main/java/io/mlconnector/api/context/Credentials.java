package io.mlconnector.api.context;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The connection's credentials by the keys of the spec's credential fields. */
public interface Credentials {

    Optional<String> get(String key);

    /**
     * Stores a value the connector obtained itself rather than a person typing it, e.g. the verifier a
     * sender hands over in its webhook registration handshake, encrypted at rest like every credential;
     * {@code null} removes it. Keys the spec declares as credential fields belong to people and are
     * refused. A webhook source whose {@code secretField} is such a key gets the stored value as its
     * secrets.
     */
    default void put(String key, String value) {
        throw new UnsupportedOperationException("This context cannot store credentials");
    }

    /** The value, or an exception whose message names the missing field (never a value). */
    default String require(String key) {
        return get(key).orElseThrow(() -> new io.mlconnector.api.CannotProcess(
                "The credential '" + key + "' is not set for this connection"));
    }

    /** A field that may hold several values during a rotation, separated by commas or whitespace. */
    default List<String> all(String key) {
        return get(key).map(Credentials::split).orElse(List.of());
    }

    /** The values of a field that holds several, separated by commas or whitespace. */
    static List<String> split(String value) {
        return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
