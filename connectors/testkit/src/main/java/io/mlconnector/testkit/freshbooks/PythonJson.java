package io.mlconnector.testkit.freshbooks;

import java.util.Map;

/**
 * What Python's {@code json.dumps} writes for a dict of strings with its default settings, which is what
 * FreshBooks signs ({@code {"k": "v", "k2": "v2"}}, {@code ensure_ascii}, lower-case hex escapes).
 */
final class PythonJson {

    private PythonJson() {
    }

    static String dumps(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        String separator = "";
        for (var field : fields.entrySet()) {
            out.append(separator);
            separator = ", ";
            string(field.getKey(), out);
            out.append(": ");
            string(field.getValue(), out);
        }
        return out.append("}").toString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        s.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\b') {
                out.append("\\b");
            } else if (c == '\f') {
                out.append("\\f");
            } else if (c < 0x20 || c >= 0x7f) {
                out.append("\\u").append(String.format("%04x", c));
            } else {
                out.append((char) c);
            }
        });
        out.append('"');
    }
}
