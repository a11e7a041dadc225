package io.mlconnector.platform.oauth;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a connect, callback or disconnect ended, each with the sentence a person reads on the
 * connection page. Pages pass the code in their address, never the text or anything the provider sent.
 */
public enum OAuthOutcome {

    CONNECTED("connected", true, "Connected to %s."),
    DISCONNECTED("disconnected", true, "Disconnected from %s: access was revoked and the tokens are forgotten."),
    DISCONNECTED_NOT_REVOKED("disconnected-locally", true, "Disconnected from %s and the tokens are forgotten. %<s could not be "
            + "told to revoke access just now; you can also remove the app in %<s's own settings."),
    DENIED("denied", false, "Access to %s was not allowed, so nothing was connected. Press Connect to try again."),
    PROVIDER_ERROR("provider-error", false, "%s did not complete the sign-in, so nothing was connected. Press Connect to try again."),
    STATE_UNKNOWN("state-unknown", false, "That sign-in answer did not come from a Connect button of yours, so it was ignored "
            + "and nothing was connected. Start again from the connection's page."),
    STATE_USED("state-used", false, "That sign-in answer was already used, so it was ignored. If %s does not show as connected, "
            + "press Connect again."),
    STATE_EXPIRED("state-expired", false, "The sign-in at %s took longer than 10 minutes and expired, so nothing was connected. "
            + "Press Connect to start again."),
    STATE_OTHER("state-other", false, "That sign-in was started by someone else, so it was ignored and nothing was connected."),
    EXCHANGE_REFUSED("refused", false, "%s refused to complete the connection, so nothing was connected. Check the app's client id "
            + "and secret, then press Connect again."),
    UNREACHABLE("unreachable", false, "%s could not be reached to complete the connection, so nothing was connected. "
            + "Try again in a few minutes.");

    private final String code;
    private final boolean ok;
    private final String sentence;

    OAuthOutcome(String code, boolean ok, String sentence) {
        this.code = code;
        this.ok = ok;
        this.sentence = sentence;
    }

    public String code() {
        return code;
    }

    public boolean ok() {
        return ok;
    }

    /** The sentence, naming the system (or the company, once connected). */
    public String sentence(String name) {
        return String.format(sentence, name == null || name.isBlank() ? "the other system" : name);
    }

    public static Optional<OAuthOutcome> ofCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
