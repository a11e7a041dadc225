package io.mlconnector.platform.qbwc;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Splits a qbXML response document into its {@code <XxxRs>} elements, one per request, keyed by the
 * requestID QuickBooks echoes. Knows nothing about the messages: besides the status attributes it
 * reads only the first {@code TxnID} or {@code ListID} directly inside the first {@code *Ret}
 * element, so the audit log can show which QuickBooks object a request created or touched.
 */
final class QbxmlResponses {

    /** One response element. {@code statusCode} is null when QuickBooks gave none. */
    record Part(String requestId, String type, Integer statusCode, String severity, String statusMessage,
                String quickBooksId, String xml) {
    }

    private QbxmlResponses() {
    }

    static List<Part> split(String document) {
        if (document == null || document.isBlank()) {
            throw new IllegalArgumentException("The response is empty");
        }
        List<Part> parts = new ArrayList<>();
        try {
            XMLStreamReader in = SafeXml.reader(document);
            int depth = 0;
            boolean sawRoot = false;
            while (in.hasNext()) {
                int event = in.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    depth++;
                    if (depth == 1) {
                        if (!"QBXML".equals(in.getLocalName())) {
                            throw new IllegalArgumentException("The response is not qbXML: its root is <" + in.getLocalName() + ">");
                        }
                        sawRoot = true;
                    } else if (depth == 3) {
                        parts.add(part(in));
                        depth--;
                    }
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamReader.DTD) {
                    throw new IllegalArgumentException("The response may not carry a DTD");
                }
            }
            if (!sawRoot) {
                throw new IllegalArgumentException("The response contains no qbXML");
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("The response is not well-formed XML: "
                    + String.valueOf(e.getMessage()).replace('\n', ' '), e);
        }
        return parts;
    }

    /** Copies one response element, reading its status and the first QuickBooks id on the way. */
    private static Part part(XMLStreamReader in) throws XMLStreamException {
        String type = in.getLocalName();
        String requestId = in.getAttributeValue(null, "requestID");
        Integer statusCode = integer(in.getAttributeValue(null, "statusCode"));
        String severity = in.getAttributeValue(null, "statusSeverity");
        String statusMessage = in.getAttributeValue(null, "statusMessage");
        StringWriter text = new StringWriter(512);
        XMLStreamWriter out = SafeXml.writer(text);
        String quickBooksId = null;
        boolean inFirstRet = false;
        boolean retSeen = false;
        boolean capturing = false;
        StringBuilder id = new StringBuilder();
        int depth = 0;
        do {
            switch (in.getEventType()) {
                case XMLStreamReader.START_ELEMENT -> {
                    depth++;
                    String name = in.getLocalName();
                    if (depth == 2 && !retSeen && name.endsWith("Ret")) {
                        retSeen = true;
                        inFirstRet = true;
                    } else if (depth == 3 && inFirstRet && quickBooksId == null
                            && ("TxnID".equals(name) || "ListID".equals(name))) {
                        capturing = true;
                    }
                    out.writeStartElement(name);
                    for (int i = 0; i < in.getAttributeCount(); i++) {
                        out.writeAttribute(in.getAttributeLocalName(i), in.getAttributeValue(i));
                    }
                }
                case XMLStreamReader.END_ELEMENT -> {
                    if (capturing && depth == 3) {
                        quickBooksId = id.toString().strip();
                        capturing = false;
                    }
                    if (depth == 2) {
                        inFirstRet = false;
                    }
                    depth--;
                    out.writeEndElement();
                }
                case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
                    if (capturing) {
                        id.append(in.getTextCharacters(), in.getTextStart(), in.getTextLength());
                    }
                    out.writeCharacters(in.getTextCharacters(), in.getTextStart(), in.getTextLength());
                }
                default -> {
                    // comments and processing instructions are not part of the answer
                }
            }
            if (depth > 0) {
                in.next();
            }
        } while (depth > 0);
        out.flush();
        return new Part(requestId, type, statusCode, severity, statusMessage,
                quickBooksId == null || quickBooksId.isEmpty() ? null : quickBooksId, text.toString());
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
