package io.mlconnector.systems.qbd;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Reads generated XML back with plain DOM, independently of the JAXB bindings under test. */
final class XmlProbe {

    private XmlProbe() {
    }

    static Element root(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + xml, e);
        }
    }

    /** The element reached by following child names from the root, e.g. "ReceivePaymentAdd", "AppliedToTxnAdd". */
    static Element at(String xml, String... path) {
        Element current = root(xml);
        for (String name : path) {
            Element next = null;
            for (Element child : children(current)) {
                if (child.getTagName().equals(name)) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                throw new AssertionError("No <" + name + "> under <" + current.getTagName() + "> in " + xml);
            }
            current = next;
        }
        return current;
    }

    static List<String> childNames(String xml, String... path) {
        List<String> names = new ArrayList<>();
        for (Element child : children(at(xml, path))) {
            names.add(child.getTagName());
        }
        return names;
    }

    static String text(String xml, String... path) {
        return at(xml, path).getTextContent();
    }

    static List<Element> children(Element element) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child) {
                result.add(child);
            }
        }
        return result;
    }
}
