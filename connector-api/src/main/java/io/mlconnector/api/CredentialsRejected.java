package io.mlconnector.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A system refused the connection's stored credentials (revoked token, changed password, expired
 * authorisation). Nothing works until a person enters new ones, so the platform shows the connection
 * as "needs reconnect", tells the company's people once, and tries the work again later; the state
 * clears when new credentials pass "Test connection" or the system accepts them again.
 */
public class CredentialsRejected extends RetryLater {

    /** How long to wait before trying again: long enough not to hammer a system that said no. */
    public static final Duration WAIT = Duration.ofMinutes(15);

    private final String system;

    /**
     * @param system the system's id in the connector's spec, e.g. {@code gocardless}
     * @param reason what the system said, for a finance person; never the credential itself
     */
    public CredentialsRejected(String system, String reason) {
        super(reason, WAIT);
        this.system = Objects.requireNonNull(system, "system");
    }

    public String system() {
        return system;
    }
}
