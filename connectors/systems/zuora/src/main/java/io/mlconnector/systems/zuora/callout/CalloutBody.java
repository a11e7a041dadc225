package io.mlconnector.systems.zuora.callout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the body we ask people to configure: a JSON object naming the object and its id, e.g.
 * {@code {"object":"payment","id":"8a8082c4...","updated":"2026-12-04T10:00:00-08:00"}}. Field names
 * are matched without regard to case.
 */
public final class CalloutBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_UPDATED = 64;

    private CalloutBody() {
    }

    /** The outcome: a callout, a body naming an object we do not handle, or a malformed body. */
    public sealed interface Parsed {
        record Named(Callout callout) implements Parsed {
        }

        record Ignored(String object) implements Parsed {
        }

        record Malformed(String reason) implements Parsed {
        }
    }

    public static Parsed parse(byte[] body) {
        JsonNode json;
        try {
            json = MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return new Parsed.Malformed("The callout body is not JSON");
        }
        if (json == null || !json.isObject()) {
            return new Parsed.Malformed("The callout body is not a JSON object");
        }
        Optional<String> object = field(json, "object");
        Optional<String> id = field(json, "id");
        if (object.isEmpty() || id.isEmpty()) {
            return new Parsed.Malformed("The callout body needs \"object\" and \"id\"");
        }
        Callout.ObjectKind kind;
        try {
            kind = Callout.ObjectKind.valueOf(object.get().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Parsed.Ignored(object.get());
        }
        String objectId = id.get().trim();
        if (!ID.matcher(objectId).matches()) {
            return new Parsed.Malformed("The callout's id is not a Zuora id (did the merge field stay unfilled?)");
        }
        String updated = field(json, "updated").map(String::trim).filter(u -> !u.isEmpty() && u.length() <= MAX_UPDATED)
                .orElse(null);
        return new Parsed.Named(new Callout(kind, objectId, updated));
    }

    private static Optional<String> field(JsonNode json, String name) {
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name) && field.getValue().isValueNode() && !field.getValue().isNull()) {
                return Optional.of(field.getValue().asText());
            }
        }
        return Optional.empty();
    }
}
