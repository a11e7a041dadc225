package io.mlconnector.connectors.qbdgocardless;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.Optional;

/** GoCardless's own explanation of an event ({@code details.description}), for people. */
final class EventDetails {

    private EventDetails() {
    }

    static Optional<String> description(String payload) {
        if (payload == null || payload.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonElement root = JsonParser.parseString(payload);
            if (!root.isJsonObject()) {
                return Optional.empty();
            }
            JsonElement details = root.getAsJsonObject().get("details");
            if (details == null || !details.isJsonObject()) {
                return Optional.empty();
            }
            JsonObject d = details.getAsJsonObject();
            JsonElement description = d.get("description");
            return description == null || description.isJsonNull() ? Optional.empty()
                    : Optional.of(description.getAsString());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
