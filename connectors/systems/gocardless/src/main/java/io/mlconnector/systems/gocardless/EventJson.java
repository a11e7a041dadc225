package io.mlconnector.systems.gocardless;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one GoCardless event object in wire format. Webhook bodies and the events endpoint share it,
 * so an event means the same thing whichever way it arrived.
 */
final class EventJson {

    private EventJson() {
    }

    /**
     * @param where how to name this event in error messages, e.g. {@code events[3]}
     * @throws GoCardlessWebhookParseException naming the field that is missing or malformed
     */
    static GoCardlessEvent read(JsonElement element, String where) {
        if (element == null || !element.isJsonObject()) {
            throw new GoCardlessWebhookParseException(where + " is not a JSON object");
        }
        JsonObject event = element.getAsJsonObject();
        String id = requiredText(event, "id", where);
        String createdAtText = requiredText(event, "created_at", where);
        Instant createdAt;
        try {
            createdAt = Instant.parse(createdAtText);
        } catch (DateTimeParseException e) {
            throw new GoCardlessWebhookParseException(
                    where + ".created_at is not an ISO 8601 timestamp: '" + createdAtText + "'");
        }
        String resourceType = requiredText(event, "resource_type", where);
        String action = requiredText(event, "action", where);
        Map<String, String> links = textMap(event, "links", where);
        Map<String, String> metadata = textMap(event, "metadata", where);
        GoCardlessEventDetails details = details(event, where);
        return new GoCardlessEvent(id, createdAt, resourceType, action, links, details, metadata, event.toString());
    }

    /** The event's {@code details}, or {@link GoCardlessEventDetails#NONE} when it has none. */
    static GoCardlessEventDetails details(JsonObject event, String where) {
        JsonElement d = event.get("details");
        if (d == null || d.isJsonNull()) {
            return GoCardlessEventDetails.NONE;
        }
        if (!d.isJsonObject()) {
            throw new GoCardlessWebhookParseException(where + ".details is not a JSON object");
        }
        JsonObject o = d.getAsJsonObject();
        return new GoCardlessEventDetails(optionalText(o, "origin"), optionalText(o, "cause"),
                optionalText(o, "description"), optionalText(o, "scheme"), optionalText(o, "reason_code"));
    }

    private static String requiredText(JsonObject o, String field, String where) {
        JsonElement v = o.get(field);
        if (v == null || v.isJsonNull()) {
            throw new GoCardlessWebhookParseException(where + " has no \"" + field + "\"");
        }
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString() || v.getAsString().isBlank()) {
            throw new GoCardlessWebhookParseException(where + "." + field + " is not a non-empty string");
        }
        return v.getAsString();
    }

    private static String optionalText(JsonObject o, String field) {
        JsonElement v = o.get(field);
        if (v == null || v.isJsonNull()) {
            return null;
        }
        return v.isJsonPrimitive() ? v.getAsString() : v.toString();
    }

    /** An object of scalar values as text; nested values keep their JSON form. */
    private static Map<String, String> textMap(JsonObject o, String field, String where) {
        JsonElement v = o.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isJsonNull()) {
            return out;
        }
        if (!v.isJsonObject()) {
            throw new GoCardlessWebhookParseException(where + "." + field + " is not a JSON object");
        }
        for (Map.Entry<String, JsonElement> e : v.getAsJsonObject().entrySet()) {
            JsonElement value = e.getValue();
            if (value != null && !value.isJsonNull()) {
                out.put(e.getKey(), value.isJsonPrimitive() ? value.getAsString() : value.toString());
            }
        }
        return out;
    }
}
