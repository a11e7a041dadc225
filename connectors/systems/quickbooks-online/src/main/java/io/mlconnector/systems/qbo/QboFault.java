package io.mlconnector.systems.qbo;

/**
 * One error of a QuickBooks Online {@code Fault}: {@code {"Fault":{"Error":[{"Message","Detail",
 * "code","element"}],"type":"ValidationFault"}}}.
 *
 * @param type    ValidationFault, SystemFault, AuthenticationFault, AuthorizationFault, …
 * @param code    Intuit's error code, e.g. {@code 5010} for a stale SyncToken
 * @param message the short message, e.g. "Stale Object Error"
 * @param detail  the longer explanation, written for people
 * @param element the field concerned, when QuickBooks names one
 */
public record QboFault(String type, String code, String message, String detail, String element) {

    public static final String STALE_OBJECT = "5010";
    public static final String DUPLICATE_NAME = "6240";
    public static final String DUPLICATE_DOC_NUMBER = "6140";
    public static final String DUPLICATE_DOCUMENT_NUMBER = "6210";
    public static final String OBJECT_NOT_FOUND = "610";
    public static final String DEPOSITED_TXN = "6540";
    public static final String AUTHORIZATION_FAILURE = "120";

    public boolean isStaleObject() {
        return STALE_OBJECT.equals(code);
    }

    public boolean isDuplicate() {
        return DUPLICATE_NAME.equals(code) || DUPLICATE_DOC_NUMBER.equals(code) || DUPLICATE_DOCUMENT_NUMBER.equals(code);
    }

    public boolean isNotFound() {
        return OBJECT_NOT_FOUND.equals(code);
    }

    /** For people: the detail when there is one, else the message, with the code. */
    public String describe() {
        String text = detail != null && !detail.isBlank() ? detail : message;
        return text + " (QuickBooks Online error " + code + ")";
    }
}
