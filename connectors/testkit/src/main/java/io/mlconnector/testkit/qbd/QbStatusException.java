package io.mlconnector.testkit.qbd;

/** A per-request QuickBooks status (statusCode/statusSeverity/statusMessage) other than success. */
final class QbStatusException extends RuntimeException {

    private final int code;
    private final String severity;

    QbStatusException(int code, String message) {
        this(code, severityOf(code), message);
    }

    QbStatusException(int code, String severity, String message) {
        super(message);
        this.code = code;
        this.severity = severity;
    }

    int code() {
        return code;
    }

    String severity() {
        return severity;
    }

    /** Ranges from the Intuit status-code table: 0-499 Info, 500-999 Warn, 1000+ Error. */
    static String severityOf(int code) {
        if (code < 500) {
            return "Info";
        }
        return code < 1000 ? "Warn" : "Error";
    }

    static QbStatusException notFound(String id) {
        return new QbStatusException(3120, "Object \"" + id + "\" specified in the request cannot be found.");
    }

    static QbStatusException staleEditSequence(String editSequence) {
        return new QbStatusException(3200, "The provided edit sequence \"" + editSequence + "\" is out-of-date.");
    }

    static QbStatusException nameInUse(String name) {
        return new QbStatusException(3100, "The name \"" + name + "\" of the list element is already in use.");
    }

    static QbStatusException invalidReference(String listName, String value, String txnType) {
        return new QbStatusException(3140, "There is an invalid reference to QuickBooks " + listName + " \""
                + value + "\" in the " + txnType + ". QuickBooks error message: Invalid argument.  "
                + "The specified record does not exist in the list.");
    }

    static QbStatusException cannotSave(String txnType, String reason) {
        return new QbStatusException(3180, "There was an error when saving a " + txnType
                + ".  QuickBooks error message: " + reason);
    }
}
