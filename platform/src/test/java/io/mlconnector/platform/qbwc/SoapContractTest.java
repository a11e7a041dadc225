package io.mlconnector.platform.qbwc;

import static io.mlconnector.platform.qbwc.QuickBooksFixtures.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.platform.qbwc.generated.QBWebConnectorSvc;
import io.mlconnector.platform.qbwc.generated.QBWebConnectorSvcSoap;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The SOAP contract: our WSDL is served, a client generated from it by JAX-WS (a standard SOAP
 * toolkit) drives a whole session, and anything that is not a proper call gets a SOAP fault.
 */
@MicronautTest(transactional = false)
@Property(name = RecordingResponseHandler.ENABLED, value = "true")
class SoapContractTest {

    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final Set<String> OPERATIONS = Set.of("serverVersion", "clientVersion", "authenticate", "sendRequestXML",
            "receiveResponseXML", "connectionError", "getLastError", "closeConnection", "getInteractiveURL", "interactiveDone",
            "interactiveRejected");

    @Inject
    EmbeddedServer server;
    @Inject
    QuickBooksFixtures fixtures;
    @Inject
    QuickBooksQueue queue;
    @Inject
    RecordingResponseHandler handler;

    private Api api() {
        return new Api(server.getURL().toString());
    }

    private HttpResponse<String> post(String body, String contentType) {
        return api().send(HttpRequest.newBuilder(URI.create(server.getURL() + "/qbwc"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theWsdlIsServedWithThisServersAddressAndEveryOperation() {
        HttpResponse<String> response = api().get("/qbwc?wsdl");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        Element wsdl = Dom.parse(response.body());
        assertEquals("http://developer.intuit.com/", wsdl.getAttribute("targetNamespace"));
        assertEquals(server.getURL() + "/qbwc", Dom.all(wsdl, "address").get(0).getAttribute("location"));
        Set<String> bound = Dom.all(wsdl, "operation").stream()
                .filter(op -> op.getParentNode().getLocalName().equals("binding"))
                .map(op -> op.getAttribute("name")).collect(Collectors.toSet());
        assertEquals(OPERATIONS, bound);
        Set<String> actions = Dom.all(wsdl, "operation").stream().filter(op -> op.hasAttribute("soapAction"))
                .map(op -> op.getAttribute("soapAction")).collect(Collectors.toSet());
        assertEquals(OPERATIONS.stream().map(op -> "http://developer.intuit.com/" + op).collect(Collectors.toSet()), actions);
    }

    @Test
    void aJaxWsClientGeneratedFromTheWsdlRunsAWholeSession() throws Exception {
        QuickBooksFixtures.Connected acme = fixtures.connected("Acme");
        String requestId = queue.enqueue(acme.tenantId(), acme.connectionId(),
                QuickBooksRequest.of(payment("Jane Doe", "25.00", "PM7"), "payment.add", "PM7"));
        SimulatedCompanyFile quickBooks = SimulatedCompanyFile.create();
        quickBooks.addCustomer("Jane Doe");
        // The client reads the served WSDL at run time, as toolkits do when pointed at ?wsdl.
        QBWebConnectorSvcSoap client = new QBWebConnectorSvc(new URL(server.getURL() + "/qbwc?wsdl")).getQBWebConnectorSvcSoap();

        assertEquals("ml-connector", client.serverVersion(""));
        assertEquals("", client.clientVersion("2.3.0.215"));
        assertEquals(List.of("", "nvu"), client.authenticate(acme.userName(), "wrong").getString());
        List<String> auth = client.authenticate(acme.userName(), acme.password()).getString();
        assertEquals("", auth.get(1));
        String ticket = auth.get(0);
        String request = client.sendRequestXML(ticket, quickBooks.hcpResponse(), "C:\\Company.qbw", "US", 13, 0);
        assertEquals(List.of(requestId), Dom.requestIds(request));
        int progress = client.receiveResponseXML(ticket, quickBooks.process(request), "", "");
        String closed = client.closeConnection(ticket);

        assertEquals(100, progress);
        assertTrue(closed.startsWith("OK"), closed);
        assertEquals(1, quickBooks.payments().size());
        assertEquals(requestId, handler.responses(acme.connectionId()).get(0).requestId());
        assertEquals("", client.getInteractiveURL(ticket, "session"));
        assertFalse(client.interactiveRejected(ticket, "no").isEmpty());
        assertEquals(-1, client.receiveResponseXML("not-a-ticket", "", "", ""));
        assertTrue(client.getLastError("not-a-ticket").contains("unknown or has expired"));
        assertEquals("done", client.connectionError("not-a-ticket", "0x80040401", "closed"));
    }

    @Test
    void textThatIsNotXmlGetsAClientFaultNotAStackTrace() {
        HttpResponse<String> response = post("<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body><authenticate", "text/xml; charset=utf-8");

        assertFault(response, 500, "Client");
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void anUnknownOperationGetsAClientFault() {
        HttpResponse<String> response = post("<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body>"
                + "<dropTables xmlns=\"http://developer.intuit.com/\"/></soap:Body></soap:Envelope>", "text/xml");

        Element fault = assertFault(response, 500, "Client");
        assertTrue(Dom.text(fault, "faultstring").contains("dropTables"));
    }

    @Test
    void aBodyWithoutEnvelopeOrWithASoap12EnvelopeIsRefused() {
        assertFault(post("<authenticate xmlns=\"http://developer.intuit.com/\"/>", "text/xml"), 500, "Client");
        assertFault(post("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body/></env:Envelope>",
                "application/soap+xml"), 500, "VersionMismatch");
        assertFault(post("", "text/xml"), 500, "Client");
    }

    @Test
    void aDocumentTypeDeclarationIsRefusedSoEntitiesAreNeverExpanded() {
        HttpResponse<String> response = post("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body><authenticate xmlns=\"http://developer.intuit.com/\">"
                + "<strUserName>&e;</strUserName></authenticate></soap:Body></soap:Envelope>", "text/xml");

        assertFault(response, 500, "Client");
        assertFalse(response.body().contains("root:"));
    }

    @Test
    void aCallWithTheOldLowerCaseParameterSpellingIsStillUnderstood() {
        HttpResponse<String> response = post("<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body>"
                + "<sendRequestXML xmlns=\"http://developer.intuit.com/\"><ticket>unknown</ticket><strHCPResponse/>"
                + "<strCompanyFilename>C:\\x.qbw</strCompanyFilename><qbXMLCountry>US</qbXMLCountry>"
                + "<qbXMLMajorVers>not a number</qbXMLMajorVers><qbXMLMinorVers/></sendRequestXML></soap:Body></soap:Envelope>",
                "text/xml");

        assertEquals(200, response.statusCode(), response.body());
        Element result = Dom.all(Dom.parse(response.body()), "sendRequestXMLResult").get(0);
        assertEquals("", result.getTextContent());
    }

    @Test
    void theServiceIsReachableWithoutSigningInAndAnythingButSoapGetsAFault() {
        assertEquals(200, post("<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body>"
                + "<serverVersion xmlns=\"http://developer.intuit.com/\"/></soap:Body></soap:Envelope>", "text/xml").statusCode());
        assertFault(post("{\"ticket\": \"x\"}", "application/json"), 500, "Client");
    }

    private static Element assertFault(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), response.headers().toString());
        Element envelope = Dom.parse(response.body());
        Element fault = Dom.all(envelope, "Fault").get(0);
        assertEquals(SOAP_NS, fault.getNamespaceURI());
        String faultCode = Dom.text(fault, "faultcode");
        assertTrue(faultCode.endsWith(":" + code), faultCode);
        return fault;
    }
}
