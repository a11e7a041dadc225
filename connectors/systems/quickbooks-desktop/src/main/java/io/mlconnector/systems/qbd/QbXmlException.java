package io.mlconnector.systems.qbd;

/**
 * A qbXML fragment or document could not be written or read: malformed XML, an element our
 * schema does not know, or a request that breaks the qbXML schema (order, length, pattern).
 * The message names the problem; it never carries credentials, because qbXML carries none.
 */
public class QbXmlException extends RuntimeException {

    public QbXmlException(String message) {
        super(message);
    }

    public QbXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
