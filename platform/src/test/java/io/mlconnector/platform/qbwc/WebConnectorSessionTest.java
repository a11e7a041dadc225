package io.mlconnector.platform.qbwc;

import static io.mlconnector.platform.qbwc.QuickBooksFixtures.customerAdd;
import static io.mlconnector.platform.qbwc.QuickBooksFixtures.payment;
import static io.mlconnector.platform.qbwc.QuickBooksFixtures.paymentOutOfOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.api.qbd.QuickBooksResponse;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.audit.AuditQuery;
import io.mlconnector.testkit.qbd.QbdFixture;
import io.mlconnector.testkit.qbd.RoundTrip;
import io.mlconnector.testkit.qbd.SessionOutcome;
import io.mlconnector.testkit.qbd.SessionResult;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import io.mlconnector.testkit.qbd.QbXmlParseException;
import io.mlconnector.testkit.qbd.WebConnectorFaults;
import jakarta.inject.Inject;
import io.mlconnector.platform.qbwc.generated.QBWebConnectorSvc;
import io.mlconnector.platform.qbwc.generated.QBWebConnectorSvcSoap;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Whole Web Connector sessions over real HTTP against the running service, played by the testkit's
 * Web Connector simulator with an in-memory QuickBooks company file.
 */
@MicronautTest(transactional = false)
@Property(name = RecordingResponseHandler.ENABLED, value = "true")
class WebConnectorSessionTest {

    @Inject
    EmbeddedServer server;
    @Inject
    QuickBooksFixtures fixtures;
    @Inject
    QuickBooksQueue queue;
    @Inject
    WebConnectorAccounts accounts;
    @Inject
    RecordingResponseHandler handler;
    @Inject
    AuditLog audit;
    @Inject
    SessionSweeper sweeper;
    @Inject
    ScheduledQueriesForTests scheduled;

    private SimulatedCompanyFile quickBooks;
    private QuickBooksFixtures.Connected acme;

    @BeforeEach
    void setUp() {
        quickBooks = SimulatedCompanyFile.create();
        quickBooks.addCustomer("Jane Doe");
        acme = fixtures.connected("Acme");
    }

    private URI endpoint() {
        return URI.create(server.getURL() + "/qbwc");
    }

    private SessionResult session() {
        return session(WebConnectorFaults.none());
    }

    private SessionResult session(WebConnectorFaults faults) {
        return QbdFixture.of(quickBooks).webConnector(endpoint(), acme.userName(), acme.password()).faults(faults).build().runSession();
    }

    private String enqueuePayment(String reference) {
        return queue.enqueue(acme.tenantId(), acme.connectionId(),
                QuickBooksRequest.of(payment("Jane Doe", "10.00", reference), "payment.add", reference));
    }

    @Test
    void aSessionFollowsTheWebConnectorsCallSequenceAndEachAnswerReachesItsRequest() {
        List<String> requestIds = List.of(enqueuePayment("PM1"), enqueuePayment("PM2"), enqueuePayment("PM3"));

        SessionResult result = session();

        assertEquals(SessionOutcome.COMPLETED, result.outcome(), result.transcript().format());
        assertEquals(List.of("serverVersion", "clientVersion", "authenticate", "sendRequestXML", "receiveResponseXML", "closeConnection"),
                result.transcript().operations());
        assertEquals("", result.transcript().calls("authenticate").get(0).results().get(1));
        assertEquals(100, result.transcript().roundTrips().get(0).progress());
        assertTrue(result.transcript().calls("closeConnection").get(0).result().startsWith("OK"));

        List<QuickBooksResponse> responses = handler.responses(acme.connectionId());
        assertEquals(requestIds, responses.stream().map(QuickBooksResponse::requestId).toList());
        Set<String> paymentTxnIds = quickBooks.payments().stream().map(p -> p.txnId()).collect(Collectors.toSet());
        assertEquals(3, paymentTxnIds.size());
        for (int i = 0; i < 3; i++) {
            QuickBooksResponse response = responses.get(i);
            Element rs = Dom.parse(response.fragment());
            assertEquals("ReceivePaymentAddRs", rs.getLocalName());
            assertEquals(requestIds.get(i), rs.getAttribute("requestID"));
            assertEquals("0", rs.getAttribute("statusCode"));
            assertEquals("PM" + (i + 1), Dom.text(rs, "ReceivePaymentRet/RefNumber"));
            assertTrue(paymentTxnIds.contains(Dom.text(rs, "ReceivePaymentRet/TxnID")));
            assertEquals("payment.add", response.purpose());
            assertEquals("PM" + (i + 1), response.correlation());
            assertNull(response.errorMessage());
        }
        assertEquals(0, queue.pending(acme.tenantId(), acme.connectionId(), null));
        assertTrue(queue.lastPolledAt(acme.tenantId(), acme.connectionId()).isPresent());
    }

    @Test
    void aWrongPasswordOrUnknownUserIsAnsweredNotAValidUser() {
        enqueuePayment("PM1");

        SessionResult wrongPassword = QbdFixture.of(quickBooks).webConnector(endpoint(), acme.userName(), "not the password")
                .build().runSession();
        SessionResult unknownUser = QbdFixture.of(quickBooks).webConnector(endpoint(), "mlc-nobody", acme.password())
                .build().runSession();

        for (SessionResult result : List.of(wrongPassword, unknownUser)) {
            assertEquals(SessionOutcome.INVALID_USER, result.outcome());
            assertEquals(List.of("", "nvu"), result.transcript().calls("authenticate").get(0).results());
        }
        assertEquals(0, quickBooks.payments().size());
        assertEquals(1, queue.pending(acme.tenantId(), acme.connectionId(), "PM1"));
    }

    @Test
    void afterFiveWrongPasswordsFromOneAddressTheRightOneFromThereIsRefusedButTheRealWebConnectorElsewhereGetsIn() {
        enqueuePayment("PM1");
        for (int i = 0; i < 5; i++) {
            assertEquals(SessionOutcome.INVALID_USER, QbdFixture.of(quickBooks)
                    .webConnector(endpoint(), acme.userName(), "guess " + i).build().runSession().outcome());
        }

        SessionResult result = session();

        assertEquals(SessionOutcome.INVALID_USER, result.outcome());
        assertEquals(0, quickBooks.payments().size());
        assertTrue(accounts.signIn(acme.userName(), acme.password(), "198.51.100.7").isPresent(),
                "the real Web Connector, on the customer's computer, keeps working");
        var tried = accounts.recentWrongPasswords(accounts.find(acme.tenantId(), acme.connectionId()).orElseThrow());
        assertEquals(5, tried.count(), "the connection's page is told that wrong passwords are being tried");
        assertEquals(1, tried.addresses());
        QuickBooksFixtures.Connected other = fixtures.connected("Bystander");
        assertEquals(SessionOutcome.NOTHING_TO_DO, QbdFixture.of(quickBooks)
                .webConnector(endpoint(), other.userName(), other.password()).build().runSession().outcome());
    }

    @Test
    void withNothingQueuedTheWebConnectorIsToldThereIsNothingToDo() {
        SessionResult result = session();

        assertEquals(SessionOutcome.NOTHING_TO_DO, result.outcome());
        List<String> answer = result.transcript().calls("authenticate").get(0).results();
        assertEquals("none", answer.get(1));
        assertTrue(answer.get(0).length() >= 40, "a long random ticket");
        assertEquals(List.of("serverVersion", "clientVersion", "authenticate"), result.transcript().operations());
        assertTrue(queue.lastPolledAt(acme.tenantId(), acme.connectionId()).isPresent());
    }

    @Test
    void independentRequestsTravelInBatchesOfFiftyWithContinueOnError() {
        List<QuickBooksRequest> payments = IntStream.range(0, 120)
                .mapToObj(i -> QuickBooksRequest.of(payment("Jane Doe", "1.00", "B" + i), "payment.add", "B" + i)).toList();
        List<String> requestIds = queue.enqueueAll(acme.tenantId(), acme.connectionId(), payments);

        SessionResult result = session();

        assertEquals(SessionOutcome.COMPLETED, result.outcome());
        assertEquals(List.of(50, 50, 20), result.transcript().requestsPerRoundTrip());
        for (RoundTrip trip : result.transcript().roundTrips()) {
            assertEquals("continueOnError", Dom.child(Dom.parse(trip.requestXml()), "QBXMLMsgsRq").getAttribute("onError"));
        }
        List<Integer> progress = result.transcript().roundTrips().stream().map(RoundTrip::progress).toList();
        assertTrue(progress.get(0) < progress.get(1) && progress.get(1) < 100 && progress.get(2) == 100, progress.toString());
        assertEquals(120, quickBooks.payments().size());
        assertEquals(requestIds, handler.responses(acme.connectionId()).stream().map(QuickBooksResponse::requestId).toList());
    }

    @Test
    void aRequestQuickBooksAnswersWithAnErrorIsDeliveredAndTheOthersGoOn() {
        String good1 = enqueuePayment("PM1");
        String bad = queue.enqueue(acme.tenantId(), acme.connectionId(),
                QuickBooksRequest.of(payment("Nobody Known", "5.00", "PM9"), "payment.add", "PM9"));
        String good2 = enqueuePayment("PM2");

        SessionResult result = session();

        assertEquals(SessionOutcome.COMPLETED, result.outcome());
        assertEquals(List.of(3), result.transcript().requestsPerRoundTrip());
        QuickBooksResponse badResponse = handler.responses(acme.connectionId()).stream()
                .filter(r -> r.requestId().equals(bad)).findFirst().orElseThrow();
        Element rs = Dom.parse(badResponse.fragment());
        assertEquals("Error", rs.getAttribute("statusSeverity"));
        assertEquals(2, quickBooks.payments().size());
        assertEquals("answered", fixtures.status(acme, good1));
        assertEquals("answered", fixtures.status(acme, good2));
        assertEquals("answered", fixtures.status(acme, bad));
    }

    @Test
    void aRequestQuickBooksRefusesWholeNeverLoopsTheSessionAndItsPluginIsToldAfterThreeSessions() {
        String bad = queue.enqueue(acme.tenantId(), acme.connectionId(),
                QuickBooksRequest.of(paymentOutOfOrder("Jane Doe", "7.00"), "payment.add", "PM-BAD"));
        List<String> good = List.of(enqueuePayment("PM1"), enqueuePayment("PM2"), enqueuePayment("PM3"));

        SessionResult first = session();

        assertEquals(SessionOutcome.COMPLETED, first.outcome(), first.transcript().format());
        // The batch is refused whole (0x80040400); then each request goes alone; the bad one is not tried again.
        assertEquals(List.of(4, 1, 1, 1, 1), first.transcript().requestsPerRoundTrip());
        assertEquals("0x80040400", first.transcript().roundTrips().get(0).hresult());
        long badSends = first.transcript().roundTrips().stream().filter(t -> Dom.requestIds(t.requestXml()).contains(bad)).count();
        assertEquals(2, badSends);
        assertEquals(3, quickBooks.payments().size());
        for (String requestId : good) {
            assertEquals("answered", fixtures.status(acme, requestId));
        }
        assertEquals("queued", fixtures.status(acme, bad));
        assertTrue(handler.responses(acme.connectionId()).stream().noneMatch(r -> r.requestId().equals(bad)));

        SessionResult second = session();
        assertEquals(List.of(1), second.transcript().requestsPerRoundTrip());
        assertEquals(SessionOutcome.COMPLETED, second.outcome());
        SessionResult third = session();
        assertEquals(List.of(1), third.transcript().requestsPerRoundTrip());

        QuickBooksResponse givenUp = handler.responses(acme.connectionId()).stream()
                .filter(r -> r.requestId().equals(bad)).findFirst().orElseThrow();
        assertFalse(givenUp.answered());
        assertTrue(givenUp.errorMessage().contains("0x80040400"), givenUp.errorMessage());
        assertTrue(givenUp.errorMessage().contains("Given up after 3 attempts"), givenUp.errorMessage());
        assertEquals("PM-BAD", givenUp.correlation());
        assertEquals("failed", fixtures.status(acme, bad));
        assertEquals(SessionOutcome.NOTHING_TO_DO, session().outcome());
    }

    @Test
    void requestsQueuedInOrderTravelInOneStopOnErrorMessage() {
        List<String> ids = queue.enqueueInOrder(acme.tenantId(), acme.connectionId(), List.of(
                new QuickBooksRequest(customerAdd("Bob Smith"), "customer.add", "CU1", false),
                new QuickBooksRequest(payment("Bob Smith", "12.00", "PM5"), "payment.add", "PM5", false)));
        enqueuePayment("PM6");

        SessionResult result = session();

        assertEquals(SessionOutcome.COMPLETED, result.outcome());
        RoundTrip ordered = result.transcript().roundTrips().stream()
                .filter(t -> Dom.requestIds(t.requestXml()).equals(ids)).findFirst().orElseThrow();
        assertEquals("stopOnError", Dom.child(Dom.parse(ordered.requestXml()), "QBXMLMsgsRq").getAttribute("onError"));
        assertEquals(2, result.transcript().roundTrips().size());
        assertTrue(quickBooks.customerByName("Bob Smith").isPresent());
        assertEquals(2, quickBooks.payments().size());
    }

    @Test
    void whenAnOrderedRequestFailsTheOnesAfterItAreReportedNotRun() {
        List<String> ids = queue.enqueueInOrder(acme.tenantId(), acme.connectionId(), List.of(
                new QuickBooksRequest(customerAdd("Jane Doe"), "customer.add", "CU2", false),
                new QuickBooksRequest(payment("Jane Doe", "3.00", "PM7"), "payment.add", "PM7", false)));

        SessionResult result = session();

        assertEquals(SessionOutcome.COMPLETED, result.outcome());
        List<QuickBooksResponse> responses = handler.responses(acme.connectionId());
        assertEquals(ids, responses.stream().map(QuickBooksResponse::requestId).toList());
        assertEquals("3100", Dom.parse(responses.get(0).fragment()).getAttribute("statusCode"));
        assertFalse(responses.get(1).answered());
        assertTrue(responses.get(1).errorMessage().startsWith("Not run"), responses.get(1).errorMessage());
        assertEquals(0, quickBooks.payments().size());
        assertEquals(0, queue.pending(acme.tenantId(), acme.connectionId(), null));
    }

    @Test
    void whenQuickBooksCannotBeReachedItIsRecordedOnTheConnectionAndTheWorkStaysQueued() {
        enqueuePayment("PM1");
        enqueuePayment("PM2");

        SessionResult failed = session(WebConnectorFaults.none().withQuickBooksUnavailable());

        assertEquals(SessionOutcome.CONNECTION_ERROR, failed.outcome());
        assertEquals(List.of("serverVersion", "clientVersion", "authenticate", "connectionError", "closeConnection"),
                failed.transcript().operations());
        assertEquals("done", failed.transcript().calls("connectionError").get(0).result());
        WebConnectorAccount account = accounts.find(acme.tenantId(), acme.connectionId()).orElseThrow();
        assertEquals("QuickBooks was not reachable: Could not access QuickBooks. (0x80040401)", account.unreachableMessage());
        assertNotNull(account.unreachableAt());
        assertEquals(2, queue.pending(acme.tenantId(), acme.connectionId(), null));
        assertTrue(audit.query(acme.tenantId(), new AuditQuery(acme.connectionId(), null, null, null, 0, 50)).entries().stream()
                .anyMatch(e -> e.step().equals("qbwc.connection-error") && e.message().contains("not reachable")));

        SessionResult next = session();
        assertEquals(SessionOutcome.COMPLETED, next.outcome());
        assertEquals(2, quickBooks.payments().size());
        assertEquals(0, queue.pending(acme.tenantId(), acme.connectionId(), null));
    }

    @Test
    void aKilledSessionsQueriesAreAskedAgainButItsPaymentsAreNeverSentTwice() {
        String payment = enqueuePayment("PM1");
        String query = queue.enqueue(acme.tenantId(), acme.connectionId(),
                QuickBooksRequest.of("<CustomerQueryRq><MaxReturned>5</MaxReturned></CustomerQueryRq>", "customer.query", "Q1"));

        SessionResult killed = session(WebConnectorFaults.none().withSessionKilledOnRoundTrip(1));
        assertEquals(SessionOutcome.KILLED, killed.outcome());
        assertEquals(1, quickBooks.payments().size(), "QuickBooks did apply the payment before the session died");
        assertEquals("sent", fixtures.status(acme, payment));
        assertTrue(handler.responses(acme.connectionId()).isEmpty());

        SessionResult next = session();

        assertEquals(SessionOutcome.COMPLETED, next.outcome());
        assertEquals(List.of(query), Dom.requestIds(next.transcript().roundTrips().get(0).requestXml()), "only the query is asked again");
        assertEquals(1, quickBooks.payments().size(), "the payment was not sent a second time");
        QuickBooksResponse unknown = handler.responses(acme.connectionId()).stream()
                .filter(r -> r.requestId().equals(payment)).findFirst().orElseThrow();
        assertNull(unknown.fragment());
        assertTrue(unknown.errorMessage().contains("not known whether QuickBooks carried it out"), unknown.errorMessage());
        assertTrue(handler.responses(acme.connectionId()).stream().anyMatch(r -> r.requestId().equals(query) && r.answered()));
        assertTrue(audit.query(acme.tenantId(), new AuditQuery(acme.connectionId(), null, null, null, 0, 50)).entries().stream()
                .anyMatch(e -> e.step().equals("qbwc.session") && e.outcome().equals("abandoned")));
    }

    @Test
    void theRequestsOfASessionThatStoppedAnsweringAreSettledWhenItExpires() {
        String requestId = enqueuePayment("PM1");
        SessionResult killed = session(WebConnectorFaults.none().withSessionKilledOnRoundTrip(1));
        assertEquals("sent", fixtures.status(acme, requestId));

        sweeper.expire(Instant.now().plus(Duration.ofHours(1)));

        assertEquals("failed", fixtures.status(acme, requestId), "an add whose outcome is unknown is not queued again");
        assertEquals(0, queue.pending(acme.tenantId(), acme.connectionId(), "PM1"));
        // Should the Web Connector come back on the dead ticket, it is told the session is over.
        QBWebConnectorSvcSoap late = new QBWebConnectorSvc(url("/qbwc?wsdl")).getQBWebConnectorSvcSoap();
        assertEquals(100, late.receiveResponseXML(killed.ticket(), "<?xml version=\"1.0\"?><QBXML><QBXMLMsgsRs/></QBXML>", "", ""));
        assertTrue(late.getLastError(killed.ticket()).contains("expired"));
        assertEquals("", late.sendRequestXML(killed.ticket(), "", "", "US", 13, 0));
    }

    private URL url(String path) {
        try {
            return new URL(server.getURL() + path);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void queriesThatFallDueWhenTheWebConnectorSignsInAreSentInThatSession() {
        scheduled.dueAtNextSignIn(acme.connectionId(), (tenant, connection) -> queue.enqueue(tenant, connection,
                QuickBooksRequest.of("<CustomerQueryRq><MaxReturned>10</MaxReturned></CustomerQueryRq>", "customer.poll", "poll")));

        SessionResult result = session();

        assertEquals(SessionOutcome.COMPLETED, result.outcome());
        assertEquals("", result.transcript().calls("authenticate").get(0).results().get(1));
        assertEquals("customer.poll", handler.responses(acme.connectionId()).get(0).purpose());
        assertEquals(SessionOutcome.NOTHING_TO_DO, session().outcome());
    }

    @Test
    void aMessageQuickBooksCouldNotParseIsRetriedRequestByRequestInTheSameSession() {
        List<String> ids = List.of(enqueuePayment("PM1"), enqueuePayment("PM2"), enqueuePayment("PM3"));

        SessionResult result = session(WebConnectorFaults.none().withTimeoutOnRoundTrip(1, false,
                QbXmlParseException.PARSE_ERROR_HRESULT, "QuickBooks found an error when parsing the provided XML text stream."));

        assertEquals(SessionOutcome.COMPLETED, result.outcome());
        assertEquals(List.of(3, 1, 1, 1), result.transcript().requestsPerRoundTrip());
        assertEquals(3, quickBooks.payments().size());
        assertEquals(new HashSet<>(ids), handler.responses(acme.connectionId()).stream().map(QuickBooksResponse::requestId)
                .collect(Collectors.toSet()));
    }

    @Test
    void paymentsInAMessageThatTimedOutAreNotSentAgainButReportedAsUnknown() {
        List<String> ids = List.of(enqueuePayment("PM1"), enqueuePayment("PM2"));

        SessionResult result = session(WebConnectorFaults.none().withTimeoutOnRoundTrip(1, true));

        assertEquals(List.of(2), result.transcript().requestsPerRoundTrip(), "nothing sent a second time");
        assertEquals(2, quickBooks.payments().size(), "QuickBooks did them once");
        List<QuickBooksResponse> told = handler.responses(acme.connectionId());
        assertEquals(new HashSet<>(ids), told.stream().map(QuickBooksResponse::requestId).collect(Collectors.toSet()));
        assertTrue(told.stream().allMatch(r -> !r.answered() && r.errorMessage().contains("not known whether QuickBooks carried it out")));
    }

    @Test
    void aPagedQueryOfFiveThousandCustomersCompletesInOneSession() {
        for (int i = 1; i < 5000; i++) {
            quickBooks.addCustomer(String.format("Customer %04d", i));
        }
        List<String> listIds = new ArrayList<>();
        // The plugin's part: read each page, queue the next one while the session is still open.
        handler.reactFor(acme.connectionId(), (tenant, connection, response) -> {
            Element rs = Dom.parse(response.fragment());
            Dom.all(rs, "CustomerRet").forEach(c -> listIds.add(Dom.text(c, "ListID")));
            if (Integer.parseInt(rs.getAttribute("iteratorRemainingCount")) > 0) {
                queue.enqueue(tenant, connection, QuickBooksRequest.of("<CustomerQueryRq iterator=\"Continue\" iteratorID=\""
                        + rs.getAttribute("iteratorID") + "\"><MaxReturned>100</MaxReturned></CustomerQueryRq>", "customer.sync", "customers"));
            }
        });
        queue.enqueue(acme.tenantId(), acme.connectionId(), QuickBooksRequest.of(
                "<CustomerQueryRq iterator=\"Start\"><MaxReturned>100</MaxReturned></CustomerQueryRq>", "customer.sync", "customers"));

        SessionResult result = session();

        assertEquals(SessionOutcome.COMPLETED, result.outcome());
        assertEquals(50, result.transcript().roundTrips().size());
        assertEquals(1, result.transcript().calls("authenticate").size());
        assertEquals(5000, listIds.size());
        assertEquals(5000, new HashSet<>(listIds).size());
        assertEquals(quickBooks.customers().stream().map(c -> c.listId()).collect(Collectors.toSet()), new HashSet<>(listIds));
        assertEquals(0, quickBooks.openIterators());
    }

    @Test
    void theQbxmlVersionFollowsWhatTheInstalledQuickBooksSupports() {
        quickBooks = SimulatedCompanyFile.builder()
                .supportedQbXmlVersions(List.of("1.0", "2.0", "8.0", "10.0", "11.0", "12.0")).build();
        quickBooks.addCustomer("Jane Doe");
        enqueuePayment("PM1");
        enqueuePayment("PM2");

        SessionResult result = session();

        assertEquals(SessionOutcome.COMPLETED, result.outcome(), result.transcript().format());
        assertEquals("version=\"12.0\"", Dom.processingInstructionData(result.transcript().roundTrips().get(0).requestXml(), "qbxml"));
        assertEquals("12.0", queue.qbxmlVersion(acme.tenantId(), acme.connectionId()).orElseThrow());
        assertEquals(2, quickBooks.payments().size());
    }

    @Test
    void theAuditLogShowsEachRequestSentAndTheQuickBooksIdOfItsAnswer() {
        String requestId = enqueuePayment("PM42");

        session();

        String txnId = quickBooks.payments().get(0).txnId();
        List<AuditEntry> entries = audit.query(acme.tenantId(), new AuditQuery(acme.connectionId(), "PM42", null, null, 0, 50)).entries();
        assertTrue(entries.stream().anyMatch(e -> e.step().equals("qbwc.request") && e.outcome().equals("sent")
                && e.message().contains("ReceivePaymentAddRq requestID " + requestId)), entries.toString());
        AuditEntry answer = entries.stream().filter(e -> e.step().equals("qbwc.response")).findFirst().orElseThrow();
        assertEquals("ok", answer.outcome());
        assertEquals(txnId, answer.targetId());
    }

    @Test
    void aResponseTheConnectorCouldNotTakeIsHandedOverAgainLater() {
        String requestId = enqueuePayment("PM1");
        handler.failFor(acme.connectionId(), new IllegalStateException("connector down"));

        assertEquals(SessionOutcome.COMPLETED, session().outcome());
        assertTrue(handler.responses(acme.connectionId()).isEmpty());
        handler.recover(acme.connectionId());

        int redelivered = fixtures.redeliverNow(acme);

        assertEquals(1, redelivered);
        assertEquals(List.of(requestId), handler.responses(acme.connectionId()).stream().map(QuickBooksResponse::requestId).toList());
        assertEquals(1, quickBooks.payments().size());
    }
}
