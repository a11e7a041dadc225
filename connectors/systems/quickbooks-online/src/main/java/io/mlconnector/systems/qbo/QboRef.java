package io.mlconnector.systems.qbo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** A reference to another QuickBooks Online object, e.g. {@code CustomerRef: {"value":"58","name":"Ada"}}. */
public record QboRef(String value, String name) {

    public static QboRef of(String value) {
        return new QboRef(value, null);
    }

    public static QboRef from(JsonElement element) {
        if (element == null || !element.isJsonObject()) {
            return null;
        }
        JsonObject o = element.getAsJsonObject();
        return new QboRef(QboJson.string(o, "value"), QboJson.string(o, "name"));
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("value", value);
        if (name != null) {
            o.addProperty("name", name);
        }
        return o;
    }
}
