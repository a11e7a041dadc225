package io.mlconnector.testkit.qbd;

/**
 * The end of one Web Connector session: how it ended, the ticket, what authenticate said, the
 * last error text the service gave (getLastError), and every call made.
 */
public record SessionResult(SessionOutcome outcome, String ticket, String authenticateStatus, String lastError,
        String failure, Transcript transcript) {
}
