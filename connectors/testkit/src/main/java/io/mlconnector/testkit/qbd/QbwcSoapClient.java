package io.mlconnector.testkit.qbd;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * SOAP 1.1 document/literal calls to a QBWC web service, shaped like the Web Connector's own:
 * namespace {@code http://developer.intuit.com/}, SOAPAction {@code "http://developer.intuit.com/<op>"},
 * one wrapper element per operation with one child per parameter. Values are set as DOM text, so
 * the serialiser escapes them.
 */
final class QbwcSoapClient {

    static final String QBWC_NS = "http://developer.intuit.com/";
    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

    private final HttpClient http;
    private final URI endpoint;
    private final Duration timeout;

    QbwcSoapClient(HttpClient http, URI endpoint, Duration timeout) {
        this.http = http;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** A call that could not be completed: transport error, HTTP error or SOAP fault. */
    static final class CallFailed extends Exception {
        final int httpStatus;

        CallFailed(String message, int httpStatus) {
            super(message);
            this.httpStatus = httpStatus;
        }
    }

    record Answer(List<String> results, int httpStatus) {
    }

    Answer call(String operation, Map<String, String> parameters) throws CallFailed {
        String body = envelope(operation, parameters);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + QBWC_NS + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CallFailed("transport error: " + e.getClass().getSimpleName() + " " + e.getMessage(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed("interrupted", 0);
        }
        return new Answer(parse(operation, response), response.statusCode());
    }

    static String envelope(String operation, Map<String, String> parameters) {
        Document doc = Xml.newDocument();
        Element envelope = doc.createElementNS(SOAP_NS, "soap:Envelope");
        envelope.setAttributeNS(XMLNS_NS, "xmlns:xsi", XSI_NS);
        envelope.setAttributeNS(XMLNS_NS, "xmlns:xsd", "http://www.w3.org/2001/XMLSchema");
        doc.appendChild(envelope);
        Element body = doc.createElementNS(SOAP_NS, "soap:Body");
        envelope.appendChild(body);
        Element wrapper = doc.createElementNS(QBWC_NS, operation);
        wrapper.setAttributeNS(XMLNS_NS, "xmlns", QBWC_NS);
        body.appendChild(wrapper);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            Element element = doc.createElementNS(QBWC_NS, parameter.getKey());
            element.setTextContent(parameter.getValue() == null ? "" : parameter.getValue());
            wrapper.appendChild(element);
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + Xml.serialize(envelope, false);
    }

    private static List<String> parse(String operation, HttpResponse<String> response) throws CallFailed {
        Document doc;
        try {
            doc = Xml.parse(response.body(), true);
        } catch (SAXException e) {
            throw new CallFailed("HTTP " + response.statusCode() + ", body is not XML", response.statusCode());
        }
        Element body = firstChild(doc.getDocumentElement(), "Body");
        if (body == null) {
            throw new CallFailed("HTTP " + response.statusCode() + ", no SOAP Body", response.statusCode());
        }
        List<Element> kids = Xml.children(body);
        if (kids.isEmpty()) {
            throw new CallFailed("HTTP " + response.statusCode() + ", empty SOAP Body", response.statusCode());
        }
        Element first = kids.get(0);
        if ("Fault".equals(first.getLocalName())) {
            throw new CallFailed("SOAP fault " + text(first, "faultcode") + ": " + text(first, "faultstring"),
                    response.statusCode());
        }
        if (response.statusCode() != 200) {
            throw new CallFailed("HTTP " + response.statusCode(), response.statusCode());
        }
        if (!(operation + "Response").equals(first.getLocalName())) {
            throw new CallFailed("expected <" + operation + "Response>, got <" + first.getLocalName() + ">", 200);
        }
        Element result = firstChild(first, operation + "Result");
        List<String> values = new ArrayList<>();
        if (result == null) {
            return values;
        }
        List<Element> strings = Xml.children(result);
        if (strings.isEmpty()) {
            values.add(nil(result) ? null : result.getTextContent());
        } else {
            for (Element string : strings) {
                values.add(nil(string) ? null : string.getTextContent());
            }
        }
        return values;
    }

    private static boolean nil(Element element) {
        return "true".equals(element.getAttributeNS(XSI_NS, "nil"));
    }

    private static Element firstChild(Element parent, String localName) {
        for (Element child : Xml.children(parent)) {
            if (localName.equals(child.getLocalName())) {
                return child;
            }
        }
        return null;
    }

    private static String text(Element parent, String localName) {
        Element child = firstChild(parent, localName);
        return child == null ? "" : child.getTextContent().trim();
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
