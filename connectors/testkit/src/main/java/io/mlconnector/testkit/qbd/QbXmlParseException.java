package io.mlconnector.testkit.qbd;

/**
 * QuickBooks refused the whole request document before processing any of it, the way the SDK
 * reports a bad request to the Web Connector: an HRESULT and its message, and no qbXML response.
 * {@link #detail()} says what exactly was wrong, for test diagnostics; QuickBooks itself does not.
 */
public final class QbXmlParseException extends Exception {

    /** Malformed XML, unknown element, element out of schema order, missing required element. */
    public static final String PARSE_ERROR_HRESULT = "0x80040400";
    public static final String PARSE_ERROR_MESSAGE =
            "QuickBooks found an error when parsing the provided XML text stream.";
    /** The qbxml processing instruction asks for a version this QuickBooks does not support. */
    public static final String UNSUPPORTED_VERSION_HRESULT = "0x80040423";
    public static final String UNSUPPORTED_VERSION_MESSAGE =
            "The version of qbXML that was requested is not supported or is unknown.";

    private final String hresult;
    private final String detail;

    QbXmlParseException(String hresult, String message, String detail) {
        super(message);
        this.hresult = hresult;
        this.detail = detail;
    }

    static QbXmlParseException parseError(String detail) {
        return new QbXmlParseException(PARSE_ERROR_HRESULT, PARSE_ERROR_MESSAGE, detail);
    }

    static QbXmlParseException unsupportedVersion(String version) {
        return new QbXmlParseException(UNSUPPORTED_VERSION_HRESULT, UNSUPPORTED_VERSION_MESSAGE,
                "qbXML version " + version + " is not supported");
    }

    /** The HRESULT the Web Connector passes on, e.g. {@code 0x80040400}. */
    public String hresult() {
        return hresult;
    }

    /** What was wrong, in our words (not part of what QuickBooks reports). */
    public String detail() {
        return detail;
    }
}
