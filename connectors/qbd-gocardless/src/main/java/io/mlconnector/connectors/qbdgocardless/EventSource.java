package io.mlconnector.connectors.qbdgocardless;

/** Where GoCardless events come from for a connection. */
enum EventSource {
    WEBHOOKS("webhooks"),
    POLLING("polling"),
    BOTH("both");

    private final String value;

    EventSource(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    boolean polls() {
        return this != WEBHOOKS;
    }

    static EventSource parse(String value) {
        for (EventSource source : values()) {
            if (source.value.equals(value)) {
                return source;
            }
        }
        return WEBHOOKS;
    }
}
