package io.mlconnector.systems.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads a verified webhook body as one Stripe v1 event. Thin v2 events ({@code v2.core.event}) are
 * refused: they take another route in Stripe's own libraries and this path does not handle them.
 */
public final class StripeEventParser {

    public StripeEvent parse(byte[] rawBody) {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(new String(rawBody, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw new StripeEventParseException("The webhook body is not a JSON object");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new StripeEventParseException("The webhook body is not JSON");
        }
        String object = text(root, "object");
        if ("v2.core.event".equals(object)) {
            throw new StripeEventParseException("A thin v2 event was sent to a v1 webhook endpoint");
        }
        if (!"event".equals(object)) {
            throw new StripeEventParseException("The webhook body is not a Stripe event");
        }
        String id = text(root, "id");
        String type = text(root, "type");
        if (id == null || type == null) {
            throw new StripeEventParseException("The Stripe event has no id or type");
        }
        JsonObject dataObject = root.has("data") && root.get("data").isJsonObject()
                && root.getAsJsonObject("data").has("object") && root.getAsJsonObject("data").get("object").isJsonObject()
                ? root.getAsJsonObject("data").getAsJsonObject("object") : new JsonObject();
        Instant created = root.has("created") && root.get("created").isJsonPrimitive()
                ? Instant.ofEpochSecond(root.get("created").getAsLong()) : null;
        boolean livemode = root.has("livemode") && root.get("livemode").isJsonPrimitive()
                && root.get("livemode").getAsBoolean();
        return new StripeEvent(id, type, created, livemode, text(dataObject, "object"), text(dataObject, "id"));
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
    }
}
