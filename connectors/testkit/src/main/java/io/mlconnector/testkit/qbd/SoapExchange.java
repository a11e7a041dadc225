package io.mlconnector.testkit.qbd;

import java.util.List;
import java.util.Map;

/**
 * One SOAP call the Web Connector made and what came back. The password parameter is recorded as
 * {@code ********}; {@code fault} is set when the server answered with a SOAP fault or an HTTP error.
 */
public record SoapExchange(String operation, Map<String, String> parameters, List<String> results, int httpStatus,
        String fault) {

    /** The single result of an operation that returns a string or an int; null when there is none. */
    public String result() {
        return results.isEmpty() ? null : results.get(0);
    }
}
