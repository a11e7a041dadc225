package io.mlconnector.systems.freshbooks.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body, in the order they arrived. Order
 * matters: FreshBooks signs the fields as a JSON object written in that order. A repeated name keeps
 * its first value, as the form reader of FreshBooks' reference code does.
 */
public final class FormFields {

    private FormFields() {
    }

    /** @throws IllegalArgumentException for a body that is not form-encoded UTF-8 */
    public static Map<String, String> parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        if (text.isBlank()) {
            return fields;
        }
        for (String pair : text.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
