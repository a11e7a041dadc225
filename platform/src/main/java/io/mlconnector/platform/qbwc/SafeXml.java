package io.mlconnector.platform.qbwc;

import java.io.StringReader;
import java.io.Writer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * StAX readers and writers for XML that comes from outside (plugins, the Web Connector): no DTDs,
 * no external entities, so a document cannot make the server fetch files or expand entities.
 */
final class SafeXml {

    private static final XMLInputFactory INPUT = inputFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private SafeXml() {
    }

    static XMLStreamReader reader(String xml) throws XMLStreamException {
        return INPUT.createXMLStreamReader(new StringReader(xml));
    }

    static XMLStreamWriter writer(Writer out) throws XMLStreamException {
        return OUTPUT.createXMLStreamWriter(out);
    }

    static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Copies the element the reader is on, with everything inside it, and leaves the reader on its end tag. */
    static void copyElement(XMLStreamReader in, XMLStreamWriter out) throws XMLStreamException {
        int depth = 0;
        do {
            switch (in.getEventType()) {
                case XMLStreamReader.START_ELEMENT -> {
                    depth++;
                    out.writeStartElement(in.getLocalName());
                    for (int i = 0; i < in.getAttributeCount(); i++) {
                        out.writeAttribute(in.getAttributeLocalName(i), in.getAttributeValue(i));
                    }
                }
                case XMLStreamReader.END_ELEMENT -> {
                    depth--;
                    out.writeEndElement();
                }
                case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE ->
                        out.writeCharacters(in.getTextCharacters(), in.getTextStart(), in.getTextLength());
                default -> {
                    // comments and processing instructions inside an element carry nothing QuickBooks reads
                }
            }
            if (depth > 0) {
                in.next();
            }
        } while (depth > 0);
    }
}
