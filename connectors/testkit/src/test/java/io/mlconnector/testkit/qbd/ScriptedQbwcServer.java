package io.mlconnector.testkit.qbd;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A QBWC web service for tests, on 127.0.0.1, whose answers each test scripts per operation. It
 * records every call: operation, SOAPAction, Content-Type and parameters.
 */
final class ScriptedQbwcServer implements AutoCloseable {

    private static final String NS = "http://developer.intuit.com/";
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";

    record Call(String operation, String soapAction, String contentType, String namespace,
            Map<String, String> params) {
        String param(String name) {
            return params.get(name);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Function<Call, List<String>>> answers = new HashMap<>();

    private ScriptedQbwcServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/qbwc", this::handle);
        on("serverVersion", call -> "1.0.0");
        on("clientVersion", call -> "");
        onAuthenticate("ticket-1", "");
        on("sendRequestXML", call -> "");
        on("receiveResponseXML", call -> "100");
        on("getLastError", call -> "");
        on("connectionError", call -> "done");
        on("closeConnection", call -> "OK");
        server.start();
    }

    static ScriptedQbwcServer start() {
        try {
            return new ScriptedQbwcServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/qbwc");
    }

    ScriptedQbwcServer on(String operation, Function<Call, String> answer) {
        answers.put(operation, call -> {
            List<String> values = new ArrayList<>();
            values.add(answer.apply(call));
            return values;
        });
        return this;
    }

    ScriptedQbwcServer onAuthenticate(String... values) {
        answers.put("authenticate", call -> List.of(values));
        return this;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    synchronized List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Element operation = operationElement(body);
            Map<String, String> params = new LinkedHashMap<>();
            for (Node n = operation.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    params.put(e.getLocalName(), e.getTextContent());
                }
            }
            Call call = new Call(operation.getLocalName(), exchange.getRequestHeaders().getFirst("SOAPAction"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), operation.getNamespaceURI(), params);
            synchronized (this) {
                calls.add(call);
            }
            List<String> values = answers.get(call.operation()).apply(call);
            byte[] reply = envelope(call.operation(), values).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private static Element operationElement(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
        Element bodyElement = (Element) doc.getElementsByTagNameNS(SOAP, "Body").item(0);
        for (Node n = bodyElement.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalStateException("empty body");
    }

    private static String envelope(String operation, List<String> values) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().newDocument();
        Element envelope = doc.createElementNS(SOAP, "soap:Envelope");
        doc.appendChild(envelope);
        Element body = doc.createElementNS(SOAP, "soap:Body");
        envelope.appendChild(body);
        Element response = doc.createElementNS(NS, operation + "Response");
        body.appendChild(response);
        Element result = doc.createElementNS(NS, operation + "Result");
        response.appendChild(result);
        if (operation.equals("authenticate")) {
            for (String value : values) {
                Element string = doc.createElementNS(NS, "string");
                string.setTextContent(value);
                result.appendChild(string);
            }
        } else {
            result.setTextContent(values.get(0));
        }
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }
}
