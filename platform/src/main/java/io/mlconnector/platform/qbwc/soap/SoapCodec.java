package io.mlconnector.platform.qbwc.soap;

import jakarta.inject.Singleton;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Web Connector calls out of SOAP 1.1 envelopes and writes answers and faults into them,
 * with JAXB. Input is parsed without DTDs or external entities.
 */
@Singleton
public class SoapCodec {

    private final JAXBContext context;
    private final XMLInputFactory input;

    public SoapCodec() {
        try {
            context = JAXBContext.newInstance(Envelope.class, Fault.class, OperationResponse.class, ArrayOfString.class,
                    QbwcCall.ServerVersion.class, QbwcCall.ClientVersion.class, QbwcCall.Authenticate.class,
                    QbwcCall.SendRequestXml.class, QbwcCall.ReceiveResponseXml.class, QbwcCall.ConnectionError.class,
                    QbwcCall.GetLastError.class, QbwcCall.CloseConnection.class, QbwcCall.GetInteractiveUrl.class,
                    QbwcCall.InteractiveDone.class, QbwcCall.InteractiveRejected.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("The SOAP bindings do not load", e);
        }
        input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        input.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    /** The call in a request body, or a fault saying why there is none. */
    public QbwcCall read(byte[] body) throws SoapFaultException {
        if (body == null || body.length == 0) {
            throw SoapFaultException.client("The request has no SOAP envelope");
        }
        Object envelope;
        try {
            XMLStreamReader reader = input.createXMLStreamReader(new ByteArrayInputStream(body));
            reader.nextTag();
            if (!"Envelope".equals(reader.getLocalName()) || !Soap.ENVELOPE_NS.equals(reader.getNamespaceURI())) {
                if ("Envelope".equals(reader.getLocalName())) {
                    throw new SoapFaultException(Fault.VERSION_MISMATCH, "Only SOAP 1.1 envelopes ("
                            + Soap.ENVELOPE_NS + ") are understood", 500);
                }
                throw SoapFaultException.client("The request is not a SOAP envelope");
            }
            Unmarshaller unmarshaller = context.createUnmarshaller();
            // Unknown or sloppy parameters are skipped, as the Web Connector's own services do; only broken XML stops us.
            unmarshaller.setEventHandler(event -> event.getSeverity() != ValidationEvent.FATAL_ERROR);
            envelope = unmarshaller.unmarshal(reader);
        } catch (XMLStreamException | JAXBException e) {
            throw SoapFaultException.client("The request is not well-formed XML");
        } catch (RuntimeException e) {
            throw SoapFaultException.client("The request could not be read as a SOAP envelope");
        }
        if (!(envelope instanceof Envelope soap) || soap.body == null) {
            throw SoapFaultException.client("The SOAP envelope has no Body");
        }
        for (Object content : soap.body.content) {
            if (content instanceof QbwcCall call) {
                return call;
            }
            if (content instanceof org.w3c.dom.Element element) {
                throw SoapFaultException.client("Unknown operation {" + (element.getNamespaceURI() == null ? "" : element.getNamespaceURI())
                        + "}" + element.getLocalName());
            }
        }
        throw SoapFaultException.client("The SOAP Body names no operation");
    }

    public byte[] answer(String operation, String value) {
        return write(Envelope.of(OperationResponse.of(operation, value)));
    }

    public byte[] answer(String operation, int value) {
        return write(Envelope.of(OperationResponse.of(operation, value)));
    }

    public byte[] answer(String operation, ArrayOfString value) {
        return write(Envelope.of(OperationResponse.of(operation, value)));
    }

    public byte[] fault(SoapFaultException fault) {
        return write(Envelope.of(Fault.of(fault.code(), fault.getMessage())));
    }

    private byte[] write(Envelope envelope) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            marshaller.marshal(envelope, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("Could not write the SOAP answer", e);
        }
    }
}
