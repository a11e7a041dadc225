package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.RsBase;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The status QuickBooks reports on every response ({@code statusCode}, {@code statusSeverity},
 * {@code statusMessage}) with the meanings connectors act on.
 *
 * <p>Code ranges: 0–499 information, 500–999 warnings (the request was processed), 1000 and up
 * errors (nothing was done). Code 1 ("no match") is how a query says it found nothing; it is not
 * an error.
 */
public record QbStatus(int code, Severity severity, String message) {

    public static final int OK = 0;
    public static final int NO_MATCH = 1;
    public static final int INTERNAL_ERROR = 1000;
    public static final int SYSTEM_NOT_AVAILABLE = 1010;
    public static final int NAME_IN_USE = 3100;
    public static final int NOT_FOUND = 3120;
    public static final int INVALID_REFERENCE = 3140;
    public static final int RECORD_IN_USE = 3170;
    public static final int STALE_EDIT_SEQUENCE = 3200;

    /** Errors that clear by themselves: QuickBooks busy, or a user has the record open. */
    private static final Set<Integer> TRANSIENT = Set.of(INTERNAL_ERROR, SYSTEM_NOT_AVAILABLE, RECORD_IN_USE);

    public enum Severity {
        INFO, WARN, ERROR;

        /** Reads {@code Info}/{@code Warn}/{@code Error}; an unknown word counts as an error. */
        public static Severity parse(String text) {
            if (text == null) {
                return ERROR;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "info" -> INFO;
                case "warn", "warning" -> WARN;
                default -> ERROR;
            };
        }
    }

    /** What the caller should do with the request that produced this status. */
    public enum Disposition {
        /** Done (possibly with a warning or an empty result): record the outcome and move on. */
        PROCEED,
        /** The object changed since it was read: query it again for a fresh EditSequence, then resend. */
        REQUERY_THEN_RETRY,
        /** QuickBooks could not do it now; the same request may succeed later. Retry with back-off. */
        RETRY_LATER,
        /** The request itself is wrong for this company file; park it for a person to look at. */
        PARK
    }

    public QbStatus {
        Objects.requireNonNull(severity, "severity");
        message = message == null ? "" : message;
    }

    public static QbStatus of(RsBase response) {
        return new QbStatus(response.getStatusCode(), Severity.parse(response.getStatusSeverity()),
                response.getStatusMessage());
    }

    public boolean isOk() {
        return code == OK;
    }

    public boolean isNoMatch() {
        return code == NO_MATCH;
    }

    public boolean isWarning() {
        return (code >= 500 && code <= 999) || severity == Severity.WARN;
    }

    public boolean isError() {
        return severity == Severity.ERROR || code >= 1000;
    }

    /** The request was carried out (or the query answered), possibly with a warning or no match. */
    public boolean succeeded() {
        return !isError();
    }

    public boolean isNameInUse() {
        return code == NAME_IN_USE;
    }

    public boolean isNotFound() {
        return code == NOT_FOUND;
    }

    public boolean isStaleEditSequence() {
        return code == STALE_EDIT_SEQUENCE;
    }

    public boolean isTransient() {
        return TRANSIENT.contains(code);
    }

    public Disposition disposition() {
        if (succeeded()) {
            return Disposition.PROCEED;
        }
        if (isStaleEditSequence()) {
            return Disposition.REQUERY_THEN_RETRY;
        }
        if (isTransient()) {
            return Disposition.RETRY_LATER;
        }
        return Disposition.PARK;
    }

    @Override
    public String toString() {
        return code + " " + severity + (message.isEmpty() ? "" : ": " + message);
    }
}
