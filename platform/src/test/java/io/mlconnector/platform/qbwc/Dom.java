package io.mlconnector.platform.qbwc;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reading XML in tests: parse, then walk by element names. */
final class Dom {

    private Dom() {
    }

    static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + xml, e);
        }
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    static Element child(Element parent, String localName) {
        for (Element child : children(parent)) {
            if (localName.equals(child.getLocalName())) {
                return child;
            }
        }
        return null;
    }

    /** Text of the element at a slash-separated path below {@code parent}, or null. */
    static String text(Element parent, String path) {
        Element current = parent;
        for (String step : path.split("/")) {
            current = current == null ? null : child(current, step);
        }
        return current == null ? null : current.getTextContent();
    }

    static List<Element> all(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** The requestIDs of the requests in a qbXML request document, in order. */
    static List<String> requestIds(String qbxml) {
        Element msgs = child(parse(qbxml), "QBXMLMsgsRq");
        List<String> ids = new ArrayList<>();
        for (Element rq : children(msgs)) {
            ids.add(rq.getAttribute("requestID"));
        }
        return ids;
    }

    static String processingInstructionData(String xml, String target) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof org.w3c.dom.ProcessingInstruction pi && pi.getTarget().equals(target)) {
                    return pi.getData();
                }
            }
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
