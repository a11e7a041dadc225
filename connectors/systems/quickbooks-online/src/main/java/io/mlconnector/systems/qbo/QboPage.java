package io.mlconnector.systems.qbo;

import com.google.gson.JsonObject;
import java.util.List;

/** One page of query results and the position (1-based) of its first row. */
public record QboPage(List<JsonObject> rows, int startPosition) {

    public QboPage {
        rows = List.copyOf(rows);
    }
}
