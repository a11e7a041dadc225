package io.mlconnector.systems.gocardless;

/**
 * Why an event happened. {@code origin} is who caused it (api, gocardless, bank, customer, payer);
 * {@code cause} is the machine-readable reason to branch on (e.g. insufficient_funds); the
 * description is for people. Bank-originated events also carry the scheme (bacs, sepa_core, ach...)
 * and the scheme's reason code. Fields GoCardless left out are null.
 */
public record GoCardlessEventDetails(String origin, String cause, String description, String scheme,
                                     String reasonCode) {

    public static final GoCardlessEventDetails NONE = new GoCardlessEventDetails(null, null, null, null, null);
}
