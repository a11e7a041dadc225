package io.mlconnector.platform.connections;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings are a flat map of strings stored as a JSON object. Written and read here with the JSON
 * library already on the platform's class path.
 */
final class JsonMaps {

    private static final com.fasterxml.jackson.core.JsonFactory FACTORY = new com.fasterxml.jackson.core.JsonFactory();

    private JsonMaps() {
    }

    static String write(Map<String, String> map) {
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator json = FACTORY.createGenerator(out)) {
                json.writeStartObject();
                for (Map.Entry<String, String> entry : map.entrySet()) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
            }
            return out.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> read(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        try (com.fasterxml.jackson.core.JsonParser json = FACTORY.createParser(text)) {
            if (json.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return map;
            }
            while (json.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                map.put(key, json.getValueAsString());
            }
            return map;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored settings are not a JSON object", e);
        }
    }
}
