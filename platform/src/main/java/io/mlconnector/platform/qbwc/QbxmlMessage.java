package io.mlconnector.platform.qbwc;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Wraps queued request elements into the one qbXML document a sendRequestXML hands out:
 * {@code <?qbxml version="X"?><QBXML><QBXMLMsgsRq onError="...">…</QBXMLMsgsRq></QBXML>}.
 * The envelope is written by an XML writer; the request elements go in as they were stored, which
 * is safe because each was parsed and re-serialized when it was queued.
 */
final class QbxmlMessage {

    enum OnError {
        /** Independent requests: one failing does not stop the others. */
        CONTINUE("continueOnError"),
        /** Requests that depend on the ones before them: QuickBooks stops at the first failure. */
        STOP("stopOnError");

        final String attribute;

        OnError(String attribute) {
            this.attribute = attribute;
        }
    }

    private QbxmlMessage() {
    }

    static String compose(String version, OnError onError, List<String> fragments) {
        int size = 160;
        for (String fragment : fragments) {
            size += fragment.length();
        }
        StringWriter text = new StringWriter(size);
        try {
            XMLStreamWriter out = SafeXml.writer(text);
            out.writeStartDocument("utf-8", "1.0");
            out.writeProcessingInstruction("qbxml", "version=\"" + version + "\"");
            out.writeStartElement("QBXML");
            out.writeStartElement("QBXMLMsgsRq");
            out.writeAttribute("onError", onError.attribute);
            // An empty text node closes the start tag, so the stored elements can follow it directly.
            out.writeCharacters("");
            out.flush();
            for (String fragment : fragments) {
                text.write(fragment);
            }
            out.writeEndElement();
            out.writeEndElement();
            out.writeEndDocument();
            out.flush();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new java.io.IOException("Could not write the qbXML message", e));
        }
        return text.toString();
    }
}
