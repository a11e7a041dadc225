package io.mlconnector.testkit.qbd;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Builds qbXML request documents and reads response documents in tests. */
final class QbXmlDocs {

    private QbXmlDocs() {
    }

    static String request(String onError, String... requests) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?qbxml version=\"13.0\"?>\n<QBXML>\n"
                + "<QBXMLMsgsRq onError=\"" + onError + "\">\n" + String.join("\n", requests)
                + "\n</QBXMLMsgsRq>\n</QBXML>";
    }

    static String stopOnError(String... requests) {
        return request("stopOnError", requests);
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    /** The response elements (XxxRs) of a response document, in order. */
    static List<Element> responses(String responseXml) {
        Document doc = parse(responseXml);
        Element msgs = (Element) doc.getElementsByTagName("QBXMLMsgsRs").item(0);
        List<Element> result = new ArrayList<>();
        for (Node n = msgs.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }

    static Element only(String responseXml) {
        List<Element> responses = responses(responseXml);
        if (responses.size() != 1) {
            throw new AssertionError("expected one response, got " + responses.size() + ": " + responseXml);
        }
        return responses.get(0);
    }

    static String text(Node context, String xpath) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> texts(Node context, String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(xpath, context, XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent());
            }
            return values;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Names of the child elements, in document order. */
    static List<String> childNames(Element element) {
        List<String> names = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add(e.getTagName());
            }
        }
        return names;
    }

    static Element first(Element parent, String name) {
        return (Element) parent.getElementsByTagName(name).item(0);
    }
}
