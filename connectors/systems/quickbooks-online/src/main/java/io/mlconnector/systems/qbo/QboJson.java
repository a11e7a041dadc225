package io.mlconnector.systems.qbo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for reading QuickBooks Online JSON, where most fields are optional. */
final class QboJson {

    private QboJson() {
    }

    static JsonObject parseObject(String body, String what) {
        try {
            JsonElement element = JsonParser.parseString(body == null ? "" : body);
            if (element.isJsonObject()) {
                return element.getAsJsonObject();
            }
        } catch (JsonParseException | IllegalStateException e) {
            // fall through: reported below without echoing the body
        }
        throw new io.mlconnector.api.RetryLater("QuickBooks Online answered " + what + " with something that is not a JSON object");
    }

    static String string(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    static boolean bool(JsonObject o, String field, boolean otherwise) {
        JsonElement e = o == null ? null : o.get(field);
        return e == null || e.isJsonNull() ? otherwise : e.getAsBoolean();
    }

    static LocalDate date(JsonObject o, String field) {
        String s = string(o, field);
        return s == null || s.isBlank() ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    static JsonObject object(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    static List<JsonObject> objects(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        List<JsonObject> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                if (item.isJsonObject()) {
                    out.add(item.getAsJsonObject());
                }
            }
        }
        return out;
    }

    /** The first of several spellings present (Intuit answers some errors in lower camel case). */
    static JsonElement either(JsonObject o, String... names) {
        for (String name : names) {
            if (o != null && o.has(name) && !o.get(name).isJsonNull()) {
                return o.get(name);
            }
        }
        return null;
    }

    static JsonArray array(JsonElement e) {
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }
}
