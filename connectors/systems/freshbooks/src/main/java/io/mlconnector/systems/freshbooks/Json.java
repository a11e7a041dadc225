package io.mlconnector.systems.freshbooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mlconnector.api.money.Money;
import java.time.LocalDate;

/** Reading FreshBooks' JSON: its {@code response.result} envelope, optional fields and amount objects. */
final class Json {

    private Json() {
    }

    /** {@code response.result}, where FreshBooks' accounting and events answers keep their payload. */
    static JsonObject result(JsonObject answer) {
        JsonObject response = object(answer, "response");
        JsonObject result = object(response, "result");
        return result != null ? result : response != null ? response : answer;
    }

    static JsonObject object(JsonObject holder, String name) {
        if (holder == null) {
            return null;
        }
        JsonElement element = holder.get(name);
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
    }

    static String text(JsonObject holder, String name) {
        if (holder == null) {
            return null;
        }
        JsonElement element = holder.get(name);
        if (element == null || element.isJsonNull()) {
            return null;
        }
        String value = element.isJsonPrimitive() ? element.getAsString() : element.toString();
        return value.isEmpty() ? null : value;
    }

    static int number(JsonObject holder, String name, int fallback) {
        String value = text(holder, name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static boolean flag(JsonObject holder, String name) {
        String value = text(holder, name);
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    static LocalDate date(JsonObject holder, String name) {
        String value = text(holder, name);
        return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    }

    /** An amount object {@code {"amount":"12.00","code":"GBP"}}, or null when absent. */
    static Money money(JsonObject holder, String name) {
        JsonObject amount = object(holder, name);
        if (amount == null || text(amount, "amount") == null || text(amount, "code") == null) {
            return null;
        }
        return FreshBooksAmounts.read(text(amount, "amount"), text(amount, "code"));
    }
}
