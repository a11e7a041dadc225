package io.mlconnector.testkit.gocardless;

import java.util.List;
import java.util.Map;

/**
 * A request the fake received, for assertions such as "the client sent an Idempotency-Key" or "two
 * pages were fetched". Header names are lower case.
 */
public record RecordedRequest(String method, String path, Map<String, String> query,
                              Map<String, List<String>> headers, String body) {

    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
