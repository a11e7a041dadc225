package io.mlconnector.testkit.freshbooks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One POST FreshBooks makes to a callback URI: form fields in FreshBooks' order and, for event deliveries,
 * the {@code X-FreshBooks-Hmac-SHA256} signature made with the callback's verifier.
 *
 * @param signature null for the verification handshake
 */
public record FakeDelivery(String uri, Map<String, String> fields, String signature) {

    public FakeDelivery {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String name() {
        return fields.get("name");
    }

    public String objectId() {
        return fields.get("object_id");
    }

    /** The form-encoded body, as FreshBooks sends it. */
    public String body() {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** The same delivery with one field changed but the original signature: what a forger could send. */
    public FakeDelivery tampered(String field, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put(field, value);
        return new FakeDelivery(uri, changed, signature);
    }
}
