package io.mlconnector.api.context;

import java.util.Optional;

/** Named positions of incremental polls for this connection. */
public interface Cursors {

    Optional<String> get(String name);

    /** Stores the position. Call it only once the page it follows has been stored. */
    void set(String name, String value);
}
