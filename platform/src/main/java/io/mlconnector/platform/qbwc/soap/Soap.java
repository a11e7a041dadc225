package io.mlconnector.platform.qbwc.soap;

/** Namespaces of the Web Connector's SOAP messages. */
public final class Soap {

    /** The namespace of every Web Connector operation and parameter element. */
    public static final String QBWC_NS = "http://developer.intuit.com/";
    public static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    /** SOAP 1.2, which the Web Connector does not speak: answered with a VersionMismatch fault. */
    public static final String SOAP12_ENVELOPE_NS = "http://www.w3.org/2003/05/soap-envelope";

    private Soap() {
    }
}
