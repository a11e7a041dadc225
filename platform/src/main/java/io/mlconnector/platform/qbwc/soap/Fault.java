package io.mlconnector.platform.qbwc.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import javax.xml.namespace.QName;

/** A SOAP 1.1 fault. Its child elements are unqualified, as SOAP 1.1 defines them. */
@XmlRootElement(name = "Fault", namespace = Soap.ENVELOPE_NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Fault", namespace = Soap.ENVELOPE_NS, propOrder = {"faultcode", "faultstring"})
public class Fault {

    /** The message was wrong: bad XML, unknown operation, too large. */
    public static final QName CLIENT = new QName(Soap.ENVELOPE_NS, "Client");
    /** We failed: nothing the sender can fix. */
    public static final QName SERVER = new QName(Soap.ENVELOPE_NS, "Server");
    /** Not a SOAP 1.1 envelope. */
    public static final QName VERSION_MISMATCH = new QName(Soap.ENVELOPE_NS, "VersionMismatch");

    @XmlElement(name = "faultcode", namespace = "")
    public QName faultcode;

    @XmlElement(name = "faultstring", namespace = "")
    public String faultstring;

    public static Fault of(QName code, String message) {
        Fault fault = new Fault();
        fault.faultcode = code;
        fault.faultstring = message;
        return fault;
    }
}
