package io.mlconnector.systems.gocardless;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.util.Optional;

/**
 * Why an event happened. {@code origin} is who caused it (api, gocardless, bank, customer, payer);
 * {@code cause} is the machine-readable reason to branch on (e.g. insufficient_funds); the
 * description is for people. Bank-originated events also carry the scheme (bacs, sepa_core, ach...)
 * and the scheme's reason code. Fields GoCardless left out are null.
 */
public record GoCardlessEventDetails(String origin, String cause, String description, String scheme,
                                     String reasonCode) {

    public static final GoCardlessEventDetails NONE = new GoCardlessEventDetails(null, null, null, null, null);

    /**
     * The details of a stored event (its JSON, e.g. {@code InboundEvent.payload()}); {@link #NONE} when
     * the text is missing or is not an event object: a person's message never depends on them.
     */
    public static GoCardlessEventDetails of(String eventJson) {
        if (eventJson == null || eventJson.isBlank()) {
            return NONE;
        }
        try {
            JsonElement root = JsonParser.parseString(eventJson);
            return root.isJsonObject() ? EventJson.details(root.getAsJsonObject(), "event") : NONE;
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    /** GoCardless's own explanation, for people, if it gave one. */
    public Optional<String> optionalDescription() {
        return Optional.ofNullable(description);
    }
}
