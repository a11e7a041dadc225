package io.mlconnector.platform.qbwc.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** A SOAP 1.1 envelope. Headers are not used by the Web Connector and are ignored. */
@XmlRootElement(name = "Envelope", namespace = Soap.ENVELOPE_NS)
@XmlAccessorType(XmlAccessType.FIELD)
public class Envelope {

    @XmlElement(name = "Body", namespace = Soap.ENVELOPE_NS)
    public Body body;

    public static Envelope of(Object content) {
        Envelope envelope = new Envelope();
        envelope.body = new Body();
        envelope.body.content.add(content);
        return envelope;
    }

    /** The body: one operation element, its response, or a fault. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Body", namespace = Soap.ENVELOPE_NS)
    public static class Body {
        @XmlAnyElement(lax = true)
        public List<Object> content = new ArrayList<>();
    }
}
