package io.mlconnector.api.oauth;

import java.util.Map;

/**
 * What a connector found right after a system was connected, returned by
 * {@code Connector.onConnected}: the name people see ("Connected to Acme Ltd") and ids to keep with
 * the grant (e.g. FreshBooks' account id, read from the identity endpoint).
 *
 * @param companyName the company or account as the provider names it, or null when unknown
 * @param values      values stored with the grant and read back through {@link AccessToken#value}
 */
public record Connected(String companyName, Map<String, String> values) {

    public Connected {
        values = Map.copyOf(values);
    }

    public static Connected as(String companyName) {
        return new Connected(companyName, Map.of());
    }

    public static Connected unnamed() {
        return new Connected(null, Map.of());
    }

    public Connected with(String name, String value) {
        var all = new java.util.LinkedHashMap<>(values);
        all.put(name, value);
        return new Connected(companyName, all);
    }
}
