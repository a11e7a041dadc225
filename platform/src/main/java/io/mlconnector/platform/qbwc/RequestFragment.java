package io.mlconnector.platform.qbwc;

import java.io.StringWriter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * One queued qbXML request element as the platform stores it: parsed to prove it is a single
 * well-formed {@code <XxxRq>} element, and written out again with the platform's {@code requestID}
 * on its root (replacing any the plugin set), so batching can never break the message.
 *
 * @param type the request element's name, e.g. {@code ReceivePaymentAddRq}
 * @param xml  the element, serialized
 */
record RequestFragment(String type, String xml) {

    static RequestFragment prepare(String fragment, String requestId, int maxChars) {
        if (fragment == null || fragment.isBlank()) {
            throw new IllegalArgumentException("The QuickBooks request is empty");
        }
        if (fragment.length() > maxChars) {
            throw new IllegalArgumentException("The QuickBooks request is longer than " + maxChars + " characters");
        }
        try {
            XMLStreamReader in = SafeXml.reader(fragment);
            StringWriter text = new StringWriter(fragment.length() + 32);
            XMLStreamWriter out = SafeXml.writer(text);
            String type = null;
            while (in.hasNext()) {
                int event = in.next();
                switch (event) {
                    case XMLStreamReader.START_ELEMENT -> {
                        if (type != null) {
                            throw new IllegalArgumentException("A QuickBooks request must be one element, found a second: <"
                                    + in.getLocalName() + ">");
                        }
                        type = in.getLocalName();
                        if (!type.endsWith("Rq") || in.getNamespaceURI() != null && !in.getNamespaceURI().isEmpty()) {
                            throw new IllegalArgumentException("A QuickBooks request element is named <XxxRq> without a namespace, not <"
                                    + in.getLocalName() + ">");
                        }
                        copyRoot(in, out, requestId);
                    }
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.SPACE -> {
                        if (!in.isWhiteSpace()) {
                            throw new IllegalArgumentException("A QuickBooks request must be one element, found text outside it");
                        }
                    }
                    case XMLStreamReader.DTD -> throw new IllegalArgumentException("A QuickBooks request may not carry a DTD");
                    default -> {
                        // the XML declaration, comments and processing instructions outside the element are dropped
                    }
                }
            }
            if (type == null) {
                throw new IllegalArgumentException("The QuickBooks request contains no element");
            }
            out.flush();
            return new RequestFragment(type, text.toString());
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("The QuickBooks request is not well-formed XML: " + oneLine(e.getMessage()), e);
        }
    }

    /** The root start tag gets our requestID; the rest is copied as it is. */
    private static void copyRoot(XMLStreamReader in, XMLStreamWriter out, String requestId) throws XMLStreamException {
        out.writeStartElement(in.getLocalName());
        out.writeAttribute("requestID", requestId);
        for (int i = 0; i < in.getAttributeCount(); i++) {
            if (!"requestID".equals(in.getAttributeLocalName(i))) {
                out.writeAttribute(in.getAttributeLocalName(i), in.getAttributeValue(i));
            }
        }
        in.next();
        while (in.getEventType() != XMLStreamReader.END_ELEMENT) {
            if (in.getEventType() == XMLStreamReader.START_ELEMENT) {
                SafeXml.copyElement(in, out);
            } else if (in.getEventType() == XMLStreamReader.CHARACTERS || in.getEventType() == XMLStreamReader.SPACE
                    || in.getEventType() == XMLStreamReader.CDATA) {
                out.writeCharacters(in.getTextCharacters(), in.getTextStart(), in.getTextLength());
            }
            in.next();
        }
        out.writeEndElement();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ').strip();
    }
}
