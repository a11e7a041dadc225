package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.ObjectFactory;
import io.mlconnector.systems.qbd.xml.OnError;
import io.mlconnector.systems.qbd.xml.RqBase;
import io.mlconnector.systems.qbd.xml.RsBase;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.MarshalException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Turns typed qbXML messages into XML and back.
 *
 * <p>Requests become bare fragments such as {@code <ReceivePaymentAddRq requestID="…">…</ReceivePaymentAddRq>}:
 * the platform wraps the fragments of one Web Connector exchange into
 * {@code <?xml …?><?qbxml version="…"?><QBXML><QBXMLMsgsRq onError="…">}. Every fragment is
 * checked against {@link QbSchema} while it is written, so a request QuickBooks would refuse for
 * element order or field length never leaves this library.
 *
 * <p>Responses are read from the {@code <XxxRs …>} fragments the platform splits out by
 * {@code requestID}, or from a whole response document. Elements QuickBooks sends that the schema
 * does not list are ignored. All methods are thread-safe.
 */
public final class QbXml {

    private static final JAXBContext CONTEXT = createContext();

    private QbXml() {
    }

    // ------------------------------------------------------------------ requests

    /** The request as one XML element, validated against the schema. */
    public static String toFragment(RqBase request) {
        Objects.requireNonNull(request, "request");
        StringWriter out = new StringWriter();
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.setSchema(QbSchema.schema());
            marshaller.marshal(request, out);
        } catch (MarshalException e) {
            throw new QbXmlException(request.getClass().getSimpleName() + " breaks the qbXML schema: "
                    + describe(e), e);
        } catch (JAXBException e) {
            throw new QbXmlException("Cannot write " + request.getClass().getSimpleName() + ": " + describe(e), e);
        }
        String xml = out.toString();
        requireXmlCharacters(xml);
        return xml;
    }

    /**
     * A whole request document, as the platform sends it: declaration, {@code qbxml} processing
     * instruction, {@code QBXML/QBXMLMsgsRq} around the given fragments.
     */
    public static String requestDocument(String qbxmlVersion, OnError onError, List<String> fragments) {
        Objects.requireNonNull(qbxmlVersion, "qbxmlVersion");
        Objects.requireNonNull(onError, "onError");
        StringBuilder doc = new StringBuilder(256)
                .append("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .append("<?qbxml version=\"").append(qbxmlVersion).append("\"?>")
                .append("<QBXML><QBXMLMsgsRq onError=\"").append(onError.value()).append("\">");
        fragments.forEach(doc::append);
        return doc.append("</QBXMLMsgsRq></QBXML>").toString();
    }

    /** Reads a request fragment back into its typed object (used by tests and fakes). */
    public static RqBase parseRequest(String fragment) {
        Element root = parse(fragment).getDocumentElement();
        if (!isModelled(root, RqBase.class)) {
            throw new QbXmlException("Not a qbXML request this library models: <" + root.getTagName() + ">");
        }
        return (RqBase) unmarshal(root);
    }

    // ------------------------------------------------------------------ responses

    /**
     * The attributes of any {@code …Rs} fragment, including message types the schema does not
     * model. Refuses a fragment without a numeric {@code statusCode}: a missing code must never
     * be taken for success.
     */
    public static QbResponseHeader readHeader(String fragment) {
        return header(parse(fragment).getDocumentElement());
    }

    /** Reads one {@code …Rs} fragment into its typed object. */
    public static RsBase parseResponse(String fragment) {
        Element root = parse(fragment).getDocumentElement();
        header(root);
        if (!isModelled(root, RsBase.class)) {
            throw new QbXmlException("Not a qbXML response this library models: <" + root.getTagName() + ">");
        }
        return (RsBase) unmarshal(root);
    }

    /** Reads one {@code …Rs} fragment that must be of the given type. */
    public static <T extends RsBase> T parseResponse(String fragment, Class<T> type) {
        RsBase response = parseResponse(fragment);
        if (!type.isInstance(response)) {
            throw new QbXmlException("Expected " + type.getSimpleName() + " but got "
                    + response.getClass().getSimpleName());
        }
        return type.cast(response);
    }

    /** Every {@code …Rs} element of a response document ({@code QBXML/QBXMLMsgsRs}), as fragments, in order. */
    public static List<String> responseFragments(String document) {
        List<String> fragments = new ArrayList<>();
        for (Element element : responseElements(parse(document))) {
            fragments.add(serialize(element));
        }
        return fragments;
    }

    /**
     * The responses of a document whose type the schema models, in order. Responses of other
     * types (e.g. a Preferences answer inside a Web Connector host/company/preferences reply) are
     * skipped; {@link #responseFragments(String)} returns everything.
     */
    public static List<RsBase> parseResponses(String document) {
        List<RsBase> responses = new ArrayList<>();
        for (Element element : responseElements(parse(document))) {
            header(element);
            if (isModelled(element, RsBase.class)) {
                responses.add((RsBase) unmarshal(element));
            }
        }
        return responses;
    }

    /** The first response of the given type in a document, or null. */
    public static <T extends RsBase> T findResponse(String document, Class<T> type) {
        for (RsBase response : parseResponses(document)) {
            if (type.isInstance(response)) {
                return type.cast(response);
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ internals

    private static List<Element> responseElements(Document document) {
        Element root = document.getDocumentElement();
        if (!"QBXML".equals(root.getTagName())) {
            throw new QbXmlException("Not a qbXML document: root is <" + root.getTagName() + ">");
        }
        Element messages = firstChild(root, "QBXMLMsgsRs");
        if (messages == null) {
            throw new QbXmlException("The qbXML document holds no QBXMLMsgsRs");
        }
        List<Element> elements = new ArrayList<>();
        NodeList children = messages.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Element firstChild(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && name.equals(element.getTagName())) {
                return element;
            }
        }
        return null;
    }

    private static QbResponseHeader header(Element element) {
        String name = element.getTagName();
        if (!name.endsWith("Rs")) {
            throw new QbXmlException("Not a qbXML response element: <" + name + ">");
        }
        String code = element.getAttribute("statusCode");
        int statusCode;
        try {
            statusCode = Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            throw new QbXmlException("<" + name + "> has no numeric statusCode ('" + code + "')");
        }
        QbStatus status = new QbStatus(statusCode, QbStatus.Severity.parse(attribute(element, "statusSeverity")),
                attribute(element, "statusMessage"));
        return new QbResponseHeader(name, attribute(element, "requestID"), status,
                intAttribute(element, "retCount"), intAttribute(element, "iteratorRemainingCount"),
                attribute(element, "iteratorID"));
    }

    private static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static OptionalInt intAttribute(Element element, String name) {
        String value = attribute(element, name);
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new QbXmlException("<" + element.getTagName() + "> has a non-numeric " + name + " ('" + value + "')");
        }
    }

    /** True when the element is one of the schema's top-level messages of the given kind. */
    private static boolean isModelled(Element element, Class<?> kind) {
        try {
            Class<?> type = Class.forName(ObjectFactory.class.getPackageName() + "." + element.getTagName(),
                    false, QbXml.class.getClassLoader());
            return kind.isAssignableFrom(type) && type.isAnnotationPresent(XmlRootElement.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Object unmarshal(Node node) {
        try {
            Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
            // QuickBooks returns far more elements than our schema lists: read on past them. (The
            // status, which decides what happens next, was already checked strictly on the DOM.)
            unmarshaller.setEventHandler(event -> event.getSeverity() != ValidationEvent.FATAL_ERROR);
            return unmarshaller.unmarshal(node);
        } catch (JAXBException e) {
            throw new QbXmlException("Cannot read <" + node.getNodeName() + ">: " + describe(e), e);
        }
    }

    private static Document parse(String xml) {
        Objects.requireNonNull(xml, "xml");
        try {
            DocumentBuilder builder = secureBuilderFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml.strip())));
        } catch (SAXException e) {
            throw new QbXmlException("Malformed qbXML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new QbXmlException("Cannot parse qbXML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory secureBuilderFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // qbXML never needs a DTD; refusing one closes the door on entity expansion and XXE.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static String serialize(Element element) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new QbXmlException("Cannot write <" + element.getTagName() + ">: " + e.getMessage(), e);
        }
    }

    /** XML 1.0 cannot carry most control characters, not even escaped; QuickBooks would reject the batch. */
    private static void requireXmlCharacters(String xml) {
        for (int i = 0; i < xml.length(); i++) {
            if (!QbText.isXmlChar(xml.charAt(i))) {
                throw new QbXmlException("Request contains a character XML cannot carry (U+"
                        + String.format("%04X", (int) xml.charAt(i)) + "); clean text with QbText first");
            }
        }
    }

    private static String describe(JAXBException e) {
        Throwable detail = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
        String text = detail != null && detail.getMessage() != null ? detail.getMessage() : e.getMessage();
        return text == null ? e.getClass().getSimpleName() : text;
    }

    /**
     * JAXB looks for its implementation through the calling thread's context class loader. Inside a
     * connector plugin that loader belongs to the host application, which may have no JAXB at all or
     * another copy of it, so the lookup is pointed at the loader that loaded this library.
     */
    private static JAXBContext createContext() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(QbXml.class.getClassLoader());
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot create the qbXML binding context", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
