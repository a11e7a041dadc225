package io.mlconnector.systems.freshbooks.webhook;

import java.util.Map;

/**
 * The exact text FreshBooks' webhook signature is computed over: the delivery's form fields as a JSON
 * object, written the way Python's {@code json.dumps} writes a dict of strings with its defaults
 * (FreshBooks' documented reference computes {@code json.dumps(request.form)}):
 * {@code {"name": "invoice.create", "object_id": "1234"}} — fields in received order, {@code ", "} and
 * {@code ": "} separators, every value a string, {@code ensure_ascii} escaping (non-ASCII as lower-case
 * {@code \\uXXXX} UTF-16 units, {@code /} left alone).
 */
public final class SignedText {

    private SignedText() {
    }

    public static String of(Map<String, String> fields) {
        StringBuilder text = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!first) {
                text.append(", ");
            }
            first = false;
            quote(field.getKey(), text);
            text.append(": ");
            quote(field.getValue(), text);
        }
        return text.append('}').toString();
    }

    private static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
