package io.mlconnector.testkit.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Stripe's request encoding: {@code application/x-www-form-urlencoded} with nesting in brackets,
 * {@code metadata[key]=v}, {@code address[line1]=v}, {@code expand[]=a} or {@code expand[0]=a}, read
 * into a JSON tree so the fake can treat query strings and bodies alike.
 */
final class FormParams {

    private FormParams() {
    }

    static ObjectNode parse(ObjectMapper json, String encoded) {
        ObjectNode root = json.createObjectNode();
        if (encoded == null || encoded.isBlank()) {
            return root;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            put(root, key, value);
        }
        return root;
    }

    private static void put(ObjectNode root, String key, String value) {
        int bracket = key.indexOf('[');
        if (bracket < 0) {
            root.put(key, value);
            return;
        }
        String head = key.substring(0, bracket);
        java.util.List<String> parts = new java.util.ArrayList<>();
        int i = bracket;
        while (i < key.length() && key.charAt(i) == '[') {
            int close = key.indexOf(']', i);
            if (close < 0) {
                throw new IllegalArgumentException("Invalid array or hash parameter: " + key);
            }
            parts.add(key.substring(i + 1, close));
            i = close + 1;
        }
        JsonNode container = root;
        String name = head;
        for (String part : parts) {
            boolean index = part.isEmpty() || part.chars().allMatch(Character::isDigit);
            JsonNode next = child(container, name);
            if (next == null) {
                next = index ? ((ObjectNode) root).arrayNode() : ((ObjectNode) root).objectNode();
                attach(container, name, next);
            }
            container = next;
            name = part;
        }
        if (container instanceof ArrayNode array) {
            if (name.isEmpty() || Integer.parseInt(name) >= array.size()) {
                array.add(value);
            } else {
                array.set(Integer.parseInt(name), array.textNode(value));
            }
        } else {
            ((ObjectNode) container).put(name, value);
        }
    }

    private static JsonNode child(JsonNode container, String name) {
        if (container instanceof ArrayNode array) {
            if (name.isEmpty()) {
                return null;
            }
            int index = Integer.parseInt(name);
            return index < array.size() ? array.get(index) : null;
        }
        return container.get(name);
    }

    private static void attach(JsonNode container, String name, JsonNode value) {
        if (container instanceof ArrayNode array) {
            array.add(value);
        } else {
            ((ObjectNode) container).set(name, value);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
