package io.mlconnector.systems.stripe;

/** Stripe keeps test and live data apart; a key belongs to one of them. */
public enum StripeMode {
    TEST("test mode"),
    LIVE("live mode");

    private final String words;

    StripeMode(String words) {
        this.words = words;
    }

    /** As shown to people: "test mode" or "live mode". */
    public String words() {
        return words;
    }
}
