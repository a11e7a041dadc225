package io.mlconnector.systems.gocardless;

import java.util.Optional;

/**
 * The answer to "Test connection": the creditor the token reaches, or what went wrong in words a
 * finance person understands ("the access token was rejected", "GoCardless could not be reached").
 */
public record GoCardlessConnectionCheck(boolean ok, GoCardlessCreditor creditor, String problem) {

    public static GoCardlessConnectionCheck reached(GoCardlessCreditor creditor) {
        return new GoCardlessConnectionCheck(true, creditor, null);
    }

    public static GoCardlessConnectionCheck failed(String problem) {
        return new GoCardlessConnectionCheck(false, null, problem);
    }

    public Optional<GoCardlessCreditor> optionalCreditor() {
        return Optional.ofNullable(creditor);
    }

    /** One line for the UI, e.g. "Connected to Acme Ltd (CR123)" or the problem. */
    public String summary() {
        return ok ? "Connected to " + creditor.name() + " (" + creditor.id() + ")" : problem;
    }
}
