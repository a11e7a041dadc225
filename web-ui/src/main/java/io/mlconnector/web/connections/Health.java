package io.mlconnector.web.connections;

/**
 * A connection's health at a glance: one state, a headline in plain words and, where useful, what
 * to do about it.
 */
public record Health(State state, String headline, String detail) {

    /** The states a person can tell apart on the dashboard, each with its own words and tone. */
    public enum State {
        WORKING("Working", "ok"),
        SETTING_UP("Set-up not finished", "info"),
        NEEDS_ATTENTION("Needs attention", "warn"),
        NEEDS_RECONNECT("Needs reconnect", "bad"),
        NOT_POLLING("Not polling", "bad"),
        PAUSED("Paused", "neutral");

        private final String label;
        private final String tone;

        State(String label, String tone) {
            this.label = label;
            this.tone = tone;
        }

        public String label() {
            return label;
        }

        public String tone() {
            return tone;
        }
    }

    public String label() {
        return state.label();
    }

    public String tone() {
        return state.tone();
    }
}
