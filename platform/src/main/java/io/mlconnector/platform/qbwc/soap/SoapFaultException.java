package io.mlconnector.platform.qbwc.soap;

import javax.xml.namespace.QName;

/** A call that is answered with a SOAP fault: the message says what was wrong, for the sender. */
public class SoapFaultException extends Exception {

    private final QName code;
    private final int httpStatus;

    public SoapFaultException(QName code, String message, int httpStatus) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public static SoapFaultException client(String message) {
        return new SoapFaultException(Fault.CLIENT, message, 500);
    }

    public QName code() {
        return code;
    }

    /** SOAP 1.1 over HTTP answers faults with 500; an oversized body gets 413. */
    public int httpStatus() {
        return httpStatus;
    }
}
