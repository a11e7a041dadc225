package io.mlconnector.api;

/**
 * Work that retrying will not fix (bad data, a rule that forbids it). The item is parked as failed
 * with this message, which people read: write it for a finance person, not a developer.
 */
public class CannotProcess extends RuntimeException {

    public CannotProcess(String reason) {
        super(reason);
    }

    public CannotProcess(String reason, Throwable cause) {
        super(reason, cause);
    }
}
