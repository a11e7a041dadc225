package io.mlconnector.systems.qbo;

import java.util.Locale;

/** Which Intuit API a company lives in: a sandbox company or a real one. */
public enum QboEnvironment {
    SANDBOX("https://sandbox-quickbooks.api.intuit.com"),
    PRODUCTION("https://quickbooks.api.intuit.com");

    private final String baseUrl;

    QboEnvironment(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Reads a connection setting such as {@code sandbox} or {@code production}; anything else is refused. */
    public static QboEnvironment fromSetting(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The QuickBooks Online environment is not set (sandbox or production)");
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown QuickBooks Online environment '" + value + "' (sandbox or production)");
        }
    }
}
