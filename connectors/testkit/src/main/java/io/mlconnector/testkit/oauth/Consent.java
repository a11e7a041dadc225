package io.mlconnector.testkit.oauth;

/** What the fake's authorize endpoint does when a browser arrives. */
public enum Consent {

    /** Shows a consent page with "Allow" and "Deny" buttons, as a provider does after sign-in. */
    PAGE,

    /** Consents at once: redirects back with a code (for tests without a browser). */
    GRANT,

    /** Refuses at once: redirects back with {@code error=access_denied}. */
    DENY
}
