package io.mlconnector.systems.gocardless;

import java.util.Locale;

/** Which GoCardless to talk to; tokens of one do not work on the other. */
public enum GoCardlessEnvironment {

    LIVE("https://api.gocardless.com"),
    SANDBOX("https://api-sandbox.gocardless.com");

    private final String baseUrl;

    GoCardlessEnvironment(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Reads "live" or "sandbox" as a connection setting spells it. */
    public static GoCardlessEnvironment parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("GoCardless environment is missing: use live or sandbox");
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "live" -> LIVE;
            case "sandbox" -> SANDBOX;
            default -> throw new IllegalArgumentException(
                    "Unknown GoCardless environment '" + value + "': use live or sandbox");
        };
    }
}
