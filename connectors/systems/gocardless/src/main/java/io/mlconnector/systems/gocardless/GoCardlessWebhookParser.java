package io.mlconnector.systems.gocardless;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a verified webhook body into events.
 *
 * <p>GoCardless posts {@code {"events": [...], "meta": {"webhook_id": "WB..."}}} with up to
 * {@value #MAX_EVENTS} events, possibly about unrelated resources. Parsing is all or nothing: a
 * body that is not valid JSON, lacks {@code events}, or has one malformed event is refused as a
 * whole with a message saying what is wrong, so no batch is half stored.
 */
public final class GoCardlessWebhookParser {

    /** GoCardless puts at most this many events in one webhook. */
    public static final int MAX_EVENTS = 250;

    public GoCardlessWebhook parse(byte[] rawBody) {
        if (rawBody == null || rawBody.length == 0) {
            throw new GoCardlessWebhookParseException("The webhook body is empty");
        }
        JsonObject root = readObject(decode(rawBody));
        JsonElement events = root.get("events");
        if (events == null || events.isJsonNull()) {
            throw new GoCardlessWebhookParseException("The webhook body has no \"events\" array");
        }
        if (!events.isJsonArray()) {
            throw new GoCardlessWebhookParseException("\"events\" in the webhook body is not an array");
        }
        JsonArray array = events.getAsJsonArray();
        if (array.size() > MAX_EVENTS) {
            throw new GoCardlessWebhookParseException("The webhook carries " + array.size()
                    + " events; GoCardless sends at most " + MAX_EVENTS);
        }
        List<GoCardlessEvent> parsed = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            parsed.add(EventJson.read(array.get(i), "events[" + i + "]"));
        }
        return new GoCardlessWebhook(webhookId(root), parsed);
    }

    private static String webhookId(JsonObject root) {
        JsonElement meta = root.get("meta");
        if (meta == null || meta.isJsonNull()) {
            return null;
        }
        if (!meta.isJsonObject()) {
            throw new GoCardlessWebhookParseException("\"meta\" in the webhook body is not an object");
        }
        JsonElement id = meta.getAsJsonObject().get("webhook_id");
        if (id == null || id.isJsonNull()) {
            return null;
        }
        if (!id.isJsonPrimitive() || !id.getAsJsonPrimitive().isString()) {
            throw new GoCardlessWebhookParseException("meta.webhook_id is not a string");
        }
        return id.getAsString();
    }

    private static String decode(byte[] rawBody) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(rawBody))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new GoCardlessWebhookParseException("The webhook body is not valid UTF-8 text", e);
        }
    }

    /** Strict JSON (no comments, single quotes or trailing garbage), and an object at the top. */
    private static JsonObject readObject(String text) {
        JsonElement root;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new GoCardlessWebhookParseException("The webhook body has content after its JSON value");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new GoCardlessWebhookParseException("The webhook body is not valid JSON ("
                    + conciseReason(e) + ")", e);
        }
        if (root == null || !root.isJsonObject()) {
            throw new GoCardlessWebhookParseException("The webhook body is not a JSON object");
        }
        return root.getAsJsonObject();
    }

    private static String conciseReason(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
