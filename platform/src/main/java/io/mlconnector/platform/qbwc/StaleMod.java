package io.mlconnector.platform.qbwc;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * The qbXML side of a Mod whose EditSequence QuickBooks found out of date (status 3200): which
 * object the Mod changes, the query that reads that object again, the EditSequence in the query's
 * answer, and the Mod rewritten to carry it. Generic over message names: any {@code <XModRq>}
 * whose {@code <XMod>} names its object by {@code ListID} (lists) or {@code TxnID} (transactions)
 * next to an {@code EditSequence} is read again with {@code <XQueryRq>} asking for that id alone.
 */
final class StaleMod {

    /** QuickBooks' status for "the provided edit sequence is out-of-date"; the Mod was not applied. */
    static final int OUT_OF_DATE = 3200;
    private static final String MOD_RQ = "ModRq";
    private static final String QUERY_RQ = "QueryRq";

    private StaleMod() {
    }

    /**
     * The object a Mod changes.
     *
     * @param kind      the message family, e.g. {@code Customer} for CustomerModRq
     * @param idElement {@code ListID} or {@code TxnID}
     */
    record Target(String kind, String idElement, String id) {

        String modType() {
            return kind + MOD_RQ;
        }

        /** e.g. "Customer 80000001-1234567890" */
        String describe() {
            return kind + " " + id;
        }
    }

    static boolean isMod(String requestType) {
        return requestType.endsWith(MOD_RQ) && requestType.length() > MOD_RQ.length();
    }

    /** The Mod type a re-read query was made for: CustomerQueryRq → CustomerModRq. */
    static String modTypeOf(String queryType) {
        return queryType.substring(0, queryType.length() - QUERY_RQ.length()) + MOD_RQ;
    }

    /** The object of a stored Mod element; empty when it names none, or carries no EditSequence to renew. */
    static Optional<Target> target(String modFragment) {
        try {
            XMLStreamReader in = SafeXml.reader(modFragment);
            int depth = 0;
            String kind = null;
            boolean inMod = false;
            String idElement = null;
            String id = null;
            boolean editSequence = false;
            while (in.hasNext()) {
                int event = in.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    depth++;
                    String name = in.getLocalName();
                    if (depth == 1) {
                        if (!isMod(name)) {
                            return Optional.empty();
                        }
                        kind = name.substring(0, name.length() - MOD_RQ.length());
                    } else if (depth == 2) {
                        inMod = name.equals(kind + "Mod");
                    } else if (depth == 3 && inMod) {
                        if (id == null && ("ListID".equals(name) || "TxnID".equals(name))) {
                            idElement = name;
                            id = in.getElementText().strip();
                            depth--;
                        } else if ("EditSequence".equals(name)) {
                            editSequence = true;
                        }
                    }
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    if (depth == 2) {
                        inMod = false;
                    }
                    depth--;
                }
            }
            return id == null || id.isEmpty() || !editSequence ? Optional.empty() : Optional.of(new Target(kind, idElement, id));
        } catch (XMLStreamException e) {
            // Stored fragments were parsed when queued; one that no longer parses is simply not retried.
            return Optional.empty();
        }
    }

    /** {@code <XQueryRq requestID="…"><ListID|TxnID>id</…></XQueryRq>}: that one object, every field. */
    static RequestFragment query(Target target, String requestId, int maxChars) {
        StringWriter text = new StringWriter(128);
        try {
            XMLStreamWriter out = SafeXml.writer(text);
            out.writeStartElement(target.kind() + QUERY_RQ);
            out.writeStartElement(target.idElement());
            out.writeCharacters(target.id());
            out.writeEndElement();
            out.writeEndElement();
            out.flush();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new java.io.IOException("Could not write the query reading " + target.describe(), e));
        }
        return RequestFragment.prepare(text.toString(), requestId, maxChars);
    }

    /**
     * The current EditSequence of the target in a query's answer; empty when the answer holds no
     * such object (it was deleted, or QuickBooks could not answer).
     */
    static Optional<String> editSequence(String queryAnswer, Target target) {
        if (queryAnswer == null) {
            return Optional.empty();
        }
        try {
            XMLStreamReader in = SafeXml.reader(queryAnswer);
            int depth = 0;
            boolean inRet = false;
            String id = null;
            String sequence = null;
            while (in.hasNext()) {
                int event = in.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    depth++;
                    String name = in.getLocalName();
                    if (depth == 2) {
                        inRet = name.endsWith("Ret");
                        id = null;
                        sequence = null;
                    } else if (depth == 3 && inRet && (name.equals(target.idElement()) || "EditSequence".equals(name))) {
                        String value = in.getElementText().strip();
                        depth--;
                        if ("EditSequence".equals(name)) {
                            sequence = value;
                        } else {
                            id = value;
                        }
                    }
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    if (depth == 2 && inRet) {
                        if (target.id().equals(id) && sequence != null && !sequence.isEmpty()) {
                            return Optional.of(sequence);
                        }
                        inRet = false;
                    }
                    depth--;
                }
            }
            return Optional.empty();
        } catch (XMLStreamException e) {
            return Optional.empty();
        }
    }

    /** The Mod element as stored, with the EditSequence directly inside its {@code <XMod>} replaced. */
    static String withEditSequence(String modFragment, String editSequence) {
        try {
            XMLStreamReader in = SafeXml.reader(modFragment);
            StringWriter text = new StringWriter(modFragment.length() + 16);
            XMLStreamWriter out = SafeXml.writer(text);
            int depth = 0;
            while (in.hasNext()) {
                int event = in.next();
                switch (event) {
                    case XMLStreamReader.START_ELEMENT -> {
                        depth++;
                        out.writeStartElement(in.getLocalName());
                        for (int i = 0; i < in.getAttributeCount(); i++) {
                            out.writeAttribute(in.getAttributeLocalName(i), in.getAttributeValue(i));
                        }
                        if (depth == 3 && "EditSequence".equals(in.getLocalName())) {
                            in.getElementText();
                            out.writeCharacters(editSequence);
                            out.writeEndElement();
                            depth--;
                        }
                    }
                    case XMLStreamReader.END_ELEMENT -> {
                        depth--;
                        out.writeEndElement();
                    }
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
                        if (depth > 0) {
                            out.writeCharacters(in.getTextCharacters(), in.getTextStart(), in.getTextLength());
                        }
                    }
                    default -> {
                        // the fragment was stored without declaration, comments or processing instructions
                    }
                }
            }
            out.flush();
            return text.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("A stored Mod request could not be read again", e);
        }
    }
}
