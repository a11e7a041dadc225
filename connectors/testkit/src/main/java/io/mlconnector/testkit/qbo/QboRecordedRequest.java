package io.mlconnector.testkit.qbo;

import java.util.Map;

/** A request the fake received: method, path, decoded query parameters and body. */
public record QboRecordedRequest(String method, String path, Map<String, String> query, String body) {

    public QboRecordedRequest {
        query = Map.copyOf(query);
    }
}
