package io.mlconnector.testkit.qbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebConnectorSimulatorTest {

    private final ScriptedQbwcServer server = ScriptedQbwcServer.start();
    private final SimulatedCompanyFile qb = SimulatedCompanyFile.create();

    @AfterEach
    void stop() {
        server.close();
    }

    private WebConnectorSimulator.Builder connector() {
        return WebConnectorSimulator.builder(server.endpoint(), qb).userName("acme").password("s3cret")
                .noOpDelay(Duration.ZERO);
    }

    /** The service hands out these qbXML documents, then an empty string. */
    private void serve(String... documents) {
        Deque<String> queue = new ArrayDeque<>(List.of(documents));
        server.on("sendRequestXML", call -> queue.isEmpty() ? "" : queue.poll());
        server.on("receiveResponseXML", call -> queue.isEmpty() ? "100" : "50");
    }

    private static String addCustomer(String name) {
        return "<CustomerAddRq><CustomerAdd><Name>" + name + "</Name></CustomerAdd></CustomerAddRq>";
    }

    @Test
    void oneRequestSessionFollowsTheWebConnectorCallSequenceExactly() {
        serve(QbXmlDocs.stopOnError(addCustomer("Jane Doe")));

        SessionResult result = connector().build().runSession();

        assertEquals(SessionOutcome.COMPLETED, result.outcome());
        List<String> expected = List.of("serverVersion", "clientVersion", "authenticate", "sendRequestXML",
                "receiveResponseXML", "closeConnection");
        assertEquals(expected, server.operations());
        assertEquals(expected, result.transcript().operations());
        assertEquals(List.of(1), result.transcript().requestsPerRoundTrip());
        assertEquals("Jane Doe", qb.customers().get(0).name());
    }

    @Test
    void callsUseTheQbwcNamespaceSoapActionAndParameterNames() {
        serve(QbXmlDocs.stopOnError(addCustomer("Jane Doe")));

        connector().build().runSession();

        for (ScriptedQbwcServer.Call call : server.calls()) {
            assertEquals("http://developer.intuit.com/", call.namespace());
            assertEquals("\"http://developer.intuit.com/" + call.operation() + "\"", call.soapAction());
            assertTrue(call.contentType().startsWith("text/xml"), call.contentType());
        }
        assertEquals(List.of("strUserName", "strPassword"),
                List.copyOf(server.calls("authenticate").get(0).params().keySet()));
        ScriptedQbwcServer.Call send = server.calls("sendRequestXML").get(0);
        assertEquals(List.of("ticket", "strHCPResponse", "strCompanyFileName", "qbXMLCountry", "qbXMLMajorVers",
                "qbXMLMinorVers"), List.copyOf(send.params().keySet()));
        assertEquals("ticket-1", send.param("ticket"));
        assertEquals("US", send.param("qbXMLCountry"));
        assertEquals("13", send.param("qbXMLMajorVers"));
        assertEquals("0", send.param("qbXMLMinorVers"));
        assertEquals(qb.companyFilePath(), send.param("strCompanyFileName"));
        assertEquals(WebConnectorSimulator.DEFAULT_CLIENT_VERSION,
                server.calls("clientVersion").get(0).param("strVersion"));
        ScriptedQbwcServer.Call receive = server.calls("receiveResponseXML").get(0);
        assertEquals(List.of("ticket", "response", "hresult", "message"), List.copyOf(receive.params().keySet()));
        assertTrue(receive.param("response").contains("<CustomerAddRs"), receive.param("response"));
        assertEquals("", receive.param("hresult"));
    }

    @Test
    void theHostCompanyResponseGoesOnlyWithTheFirstSendRequestXml() {
        serve(QbXmlDocs.stopOnError(addCustomer("A")), QbXmlDocs.stopOnError(addCustomer("B")));

        SessionResult result = connector().build().runSession();

        List<ScriptedQbwcServer.Call> sends = server.calls("sendRequestXML");
        assertEquals(2, sends.size());
        assertTrue(sends.get(0).param("strHCPResponse").contains("<HostQueryRs"));
        assertTrue(sends.get(0).param("strHCPResponse").contains("<CompanyQueryRs"));
        assertEquals("", sends.get(1).param("strHCPResponse"));
        assertEquals(2, result.transcript().roundTrips().size());
    }

    @Test
    void anEmptyRequestAfterWorkMeansAskGetLastErrorThenClose() {
        server.on("sendRequestXML", call -> "");
        server.on("getLastError", call -> "Nothing queued after all");

        SessionResult result = connector().build().runSession();

        assertEquals(SessionOutcome.SERVER_REPORTED_ERROR, result.outcome());
        assertEquals("Nothing queued after all", result.lastError());
        assertEquals(List.of("serverVersion", "clientVersion", "authenticate", "sendRequestXML", "getLastError",
                "closeConnection"), server.operations());
    }

    @Test
    void noneMeansNoSendRequestXml() {
        server.onAuthenticate("ticket-1", "none");

        SessionResult result = connector().build().runSession();

        assertEquals(SessionOutcome.NOTHING_TO_DO, result.outcome());
        assertEquals(List.of("serverVersion", "clientVersion", "authenticate"), server.operations());
    }

    @Test
    void nvuStopsTheSessionAndThePasswordNeverReachesTheTranscript() {
        server.onAuthenticate("", "nvu");

        SessionResult result = connector().password("wrong <&> password").build().runSession();

        assertEquals(SessionOutcome.INVALID_USER, result.outcome());
        assertEquals(List.of("serverVersion", "clientVersion", "authenticate"), server.operations());
        assertEquals("wrong <&> password", server.calls("authenticate").get(0).param("strPassword"));
        assertFalse(result.transcript().format().contains("wrong"));
        assertEquals("********", result.transcript().calls("authenticate").get(0).parameters().get("strPassword"));
    }

    @Test
    void aPathFromAuthenticateBecomesTheCompanyFileName() {
        server.onAuthenticate("ticket-1", "C:\\Books\\Other.qbw");
        serve(QbXmlDocs.stopOnError(addCustomer("A")));

        connector().build().runSession();

        assertEquals("C:\\Books\\Other.qbw", server.calls("sendRequestXML").get(0).param("strCompanyFileName"));
    }

    @Test
    void aNegativeProgressMakesTheWebConnectorAskForTheErrorAndClose() {
        server.on("sendRequestXML", call -> QbXmlDocs.stopOnError(addCustomer("A")));
        server.on("receiveResponseXML", call -> "-1");
        server.on("getLastError", call -> "Mapping failed");

        SessionResult result = connector().build().runSession();

        assertEquals(SessionOutcome.SERVER_REPORTED_ERROR, result.outcome());
        assertEquals("Mapping failed", result.lastError());
        assertEquals(List.of("serverVersion", "clientVersion", "authenticate", "sendRequestXML", "receiveResponseXML",
                "getLastError", "closeConnection"), server.operations());
    }

    @Test
    void noOpMeansWaitAndAskForWorkAgain() {
        Deque<String> answers = new ArrayDeque<>(List.of("", QbXmlDocs.stopOnError(addCustomer("Late"))));
        server.on("sendRequestXML", call -> answers.isEmpty() ? "" : answers.poll());
        server.on("getLastError", call -> "NoOp");

        SessionResult result = connector().build().runSession();

        assertEquals(SessionOutcome.COMPLETED, result.outcome());
        assertEquals(List.of("serverVersion", "clientVersion", "authenticate", "sendRequestXML", "getLastError",
                "sendRequestXML", "receiveResponseXML", "closeConnection"), server.operations());
        assertEquals(1, qb.customers().size());
    }

    @Test
    void whenQuickBooksIsClosedTheServiceHearsConnectionErrorInsteadOfSendRequestXml() {
        serve(QbXmlDocs.stopOnError(addCustomer("A")));

        SessionResult result = connector().faults(WebConnectorFaults.none().withQuickBooksUnavailable()).build()
                .runSession();

        assertEquals(SessionOutcome.CONNECTION_ERROR, result.outcome());
        assertEquals(List.of("serverVersion", "clientVersion", "authenticate", "connectionError", "closeConnection"),
                server.operations());
        ScriptedQbwcServer.Call error = server.calls("connectionError").get(0);
        assertEquals("0x80040401", error.param("hresult"));
        assertEquals("Could not access QuickBooks.", error.param("message"));
        assertEquals(0, qb.customers().size());
    }

    @Test
    void aTimeoutIsReportedWithAnHresultAndNoResponseWhileQuickBooksMayHaveAppliedIt() {
        serve(QbXmlDocs.stopOnError(addCustomer("Applied anyway")));

        SessionResult result = connector().faults(WebConnectorFaults.none().withTimeoutOnRoundTrip(1, true)).build()
                .runSession();

        ScriptedQbwcServer.Call receive = server.calls("receiveResponseXML").get(0);
        assertEquals("", receive.param("response"));
        assertFalse(receive.param("hresult").isEmpty());
        assertFalse(receive.param("message").isEmpty());
        assertEquals(1, qb.customers().size());
        assertTrue(result.transcript().roundTrips().get(0).applied());
    }

    @Test
    void aKilledSessionAppliesTheRequestWithoutReportingIt() {
        serve(QbXmlDocs.stopOnError(addCustomer("Applied, never reported")));

        SessionResult result = connector().faults(WebConnectorFaults.none().withSessionKilledOnRoundTrip(1)).build()
                .runSession();

        assertEquals(SessionOutcome.KILLED, result.outcome());
        assertEquals(List.of("serverVersion", "clientVersion", "authenticate", "sendRequestXML"), server.operations());
        assertEquals(1, qb.customers().size());
        RoundTrip roundTrip = result.transcript().roundTrips().get(0);
        assertTrue(roundTrip.applied());
        assertNull(roundTrip.progress());
    }

    @Test
    void aRequestQuickBooksCannotParseIsReportedAsHresult0x80040400() {
        serve(QbXmlDocs.stopOnError("<CustomerAddRq><CustomerAdd><Email>x@example.com</Email><Name>Out of order"
                + "</Name></CustomerAdd></CustomerAddRq>"));

        connector().build().runSession();

        ScriptedQbwcServer.Call receive = server.calls("receiveResponseXML").get(0);
        assertEquals("", receive.param("response"));
        assertEquals("0x80040400", receive.param("hresult"));
        assertEquals("QuickBooks found an error when parsing the provided XML text stream.", receive.param("message"));
        assertEquals(0, qb.customers().size());
    }

    @Test
    void requestsPerRoundTripCountTheBatchedRequests() {
        serve(QbXmlDocs.stopOnError(addCustomer("A"), addCustomer("B"), addCustomer("C")),
                QbXmlDocs.stopOnError("<CustomerQueryRq/>"));

        SessionResult result = connector().build().runSession();

        assertEquals(List.of(3, 1), result.transcript().requestsPerRoundTrip());
        assertEquals(3, qb.customers().size());
    }

    @Test
    void aClientVersionErrorStopsBeforeAuthenticate() {
        server.on("clientVersion", call -> "E:Please upgrade your Web Connector");

        SessionResult result = connector().build().runSession();

        assertEquals(SessionOutcome.CLIENT_VERSION_REJECTED, result.outcome());
        assertEquals(List.of("serverVersion", "clientVersion"), server.operations());
    }

    @Test
    void aServiceThatNeverFinishesHitsTheRoundTripLimit() {
        server.on("sendRequestXML", call -> QbXmlDocs.stopOnError("<HostQueryRq/>"));
        server.on("receiveResponseXML", call -> "10");

        SessionResult result = connector().maxRoundTrips(3).build().runSession();

        assertEquals(SessionOutcome.LIMIT_REACHED, result.outcome());
        assertEquals(3, result.transcript().roundTrips().size());
        assertEquals("closeConnection", server.operations().get(server.operations().size() - 1));
    }

    @Test
    void iteratorsDoNotSurviveTheSession() {
        for (int i = 0; i < 3; i++) {
            qb.addCustomer("C" + i);
        }
        serve(QbXmlDocs.stopOnError("<CustomerQueryRq iterator=\"Start\"><MaxReturned>1</MaxReturned>"
                + "</CustomerQueryRq>"));

        connector().build().runSession();

        assertEquals(0, qb.openIterators());
    }
}
