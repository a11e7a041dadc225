package io.mlconnector.platform.qbwc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.api.qbd.QuickBooksDesktop;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.api.qbd.QuickBooksResponse;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.audit.AuditQuery;
import io.mlconnector.testkit.qbd.QbCustomer;
import io.mlconnector.testkit.qbd.QbInvoice;
import io.mlconnector.testkit.qbd.QbXmlParseException;
import io.mlconnector.testkit.qbd.QbdFixture;
import io.mlconnector.testkit.qbd.RoundTrip;
import io.mlconnector.testkit.qbd.SessionOutcome;
import io.mlconnector.testkit.qbd.SessionResult;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import io.mlconnector.testkit.qbd.WebConnectorFaults;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A Mod QuickBooks refuses with 3200 because someone changed the object after the connector read
 * it: the platform reads the object again and sends the Mod once more with the current
 * EditSequence, and the connector sees only the final answer. Over real HTTP, played by the
 * testkit's Web Connector simulator; "someone" is a request run directly against the company file.
 */
@MicronautTest(transactional = false)
@Property(name = RecordingResponseHandler.ENABLED, value = "true")
class StaleEditSequenceTest {

    private static final String CORRELATION = "CU-42";

    @Inject
    EmbeddedServer server;
    @Inject
    QuickBooksFixtures fixtures;
    @Inject
    QuickBooksQueue queue;
    @Inject
    RecordingResponseHandler handler;
    @Inject
    AuditLog audit;

    private SimulatedCompanyFile quickBooks;
    private QuickBooksFixtures.Connected acme;
    private QuickBooksDesktop connector;

    @BeforeEach
    void setUp() {
        quickBooks = SimulatedCompanyFile.create();
        quickBooks.addCustomer("Jane Doe");
        acme = fixtures.connected("Acme");
        connector = queue.forConnection(acme.tenantId(), acme.connectionId());
    }

    @Test
    void aModWhoseObjectWasChangedMeanwhileIsReadAgainAndRetriedInTheSameSession() {
        QbCustomer read = jane();
        String requestId = connector.enqueue(QuickBooksRequest.of(customerModEmail(read, "jane@new.example"), "customer.update",
                CORRELATION));
        someoneSetsThePhoneOfJane("555-0100");

        SessionResult result = session();

        assertEquals(SessionOutcome.COMPLETED, result.outcome(), result.transcript().format());
        assertEquals(List.of("CustomerModRq", "CustomerQueryRq", "CustomerModRq"), requestTypes(result),
                "the Mod, the query reading the customer again, the Mod again: one session");
        assertEquals("3200", answerStatus(result.transcript().roundTrips().get(0)));
        for (RoundTrip trip : result.transcript().roundTrips()) {
            assertEquals(List.of(requestId), Dom.requestIds(trip.requestXml()), "the same request all along");
        }
        Element query = Dom.child(Dom.child(Dom.parse(result.transcript().roundTrips().get(1).requestXml()), "QBXMLMsgsRq"),
                "CustomerQueryRq");
        assertEquals(read.listId(), Dom.text(query, "ListID"));
        QbCustomer now = jane();
        assertEquals("jane@new.example", now.email(), "the connector's change is in QuickBooks");
        assertEquals("555-0100", now.phone(), "the other change is still there");

        List<QuickBooksResponse> told = handler.responses(acme.connectionId());
        assertEquals(1, told.size(), "one answer for one request");
        QuickBooksResponse answer = told.get(0);
        assertEquals(requestId, answer.requestId());
        assertEquals("customer.update", answer.purpose());
        assertEquals(CORRELATION, answer.correlation());
        Element rs = Dom.parse(answer.fragment());
        assertEquals("CustomerModRs", rs.getLocalName());
        assertEquals("0", rs.getAttribute("statusCode"));
        assertEquals(now.editSequence(), Dom.text(rs, "CustomerRet/EditSequence"));
        assertEquals("answered", fixtures.status(acme, requestId));
        assertEquals(0, connector.pending(CORRELATION));

        List<AuditEntry> steps = staleSteps();
        assertEquals(List.of("reread", "retried"), steps.stream().map(AuditEntry::outcome).toList());
        assertTrue(steps.stream().allMatch(e -> read.listId().equals(e.targetId())), steps.toString());
        assertTrue(steps.get(0).message().contains("read again"), steps.get(0).message());
        assertTrue(steps.get(1).message().contains("sent again"), steps.get(1).message());
    }

    @Test
    void whenTheObjectIsGoneTheConnectorGetsQuickBooksAnswerOnceAndNothingLoops() {
        QbInvoice invoice = quickBooks.addOpenInvoice("Jane Doe", "INV-7", "120.00");
        String requestId = connector.enqueue(QuickBooksRequest.of("<InvoiceModRq><InvoiceMod><TxnID>" + invoice.txnId()
                + "</TxnID><EditSequence>" + invoice.editSequence() + "</EditSequence><Memo>Paid by direct debit</Memo></InvoiceMod>"
                + "</InvoiceModRq>", "invoice.memo", CORRELATION));
        inQuickBooks("<InvoiceModRq><InvoiceMod><TxnID>" + invoice.txnId() + "</TxnID><EditSequence>" + invoice.editSequence()
                + "</EditSequence><PONumber>PO-1</PONumber></InvoiceMod></InvoiceModRq>");

        SessionResult first = oneRoundTripSession();
        assertEquals(List.of("InvoiceModRq"), requestTypes(first));
        assertTrue(handler.responses(acme.connectionId()).isEmpty(), "held back while the invoice is read again");
        assertEquals(1, connector.pending(CORRELATION));
        inQuickBooks("<TxnDelRq><TxnDelType>Invoice</TxnDelType><TxnID>" + invoice.txnId() + "</TxnID></TxnDelRq>");

        SessionResult second = session();

        assertEquals(SessionOutcome.COMPLETED, second.outcome(), second.transcript().format());
        assertEquals(List.of("InvoiceQueryRq"), requestTypes(second), "the Mod is not sent again for an invoice that is gone");
        List<QuickBooksResponse> told = handler.responses(acme.connectionId());
        assertEquals(1, told.size());
        assertEquals(requestId, told.get(0).requestId());
        Element rs = Dom.parse(told.get(0).fragment());
        assertEquals("InvoiceModRs", rs.getLocalName(), "QuickBooks' answer to the connector's own request");
        assertEquals("3200", rs.getAttribute("statusCode"));
        assertEquals(requestId, rs.getAttribute("requestID"));
        assertEquals("answered", fixtures.status(acme, requestId));
        assertEquals(0, connector.pending(null));
        assertEquals(List.of("reread", "gone"), staleSteps().stream().map(AuditEntry::outcome).toList());
        assertEquals(invoice.txnId(), staleSteps().get(1).targetId());

        assertEquals(SessionOutcome.NOTHING_TO_DO, session().outcome());
        assertEquals(1, handler.responses(acme.connectionId()).size());
    }

    @Test
    void aModThatIsOutOfDateEveryTimeStopsAfterTwoRereads() {
        String requestId = connector.enqueue(QuickBooksRequest.of(customerModEmail(jane(), "jane@new.example"), "customer.update",
                CORRELATION));
        int phone = 0;
        int sessions = 0;
        // One message per session, and Jane changed in QuickBooks before each one: every Mod finds a newer EditSequence.
        while (handler.responses(acme.connectionId()).isEmpty() && sessions < 10) {
            someoneSetsThePhoneOfJane("555-010" + phone++);
            oneRoundTripSession();
            sessions++;
        }

        assertEquals(5, sessions, "Mod, query, Mod, query, Mod");
        List<QuickBooksResponse> told = handler.responses(acme.connectionId());
        assertEquals(1, told.size());
        assertEquals(requestId, told.get(0).requestId());
        assertEquals("3200", Dom.parse(told.get(0).fragment()).getAttribute("statusCode"));
        assertNull(jane().email(), "the change never reached QuickBooks");
        assertEquals(List.of("reread", "retried", "reread", "retried", "given-up"),
                staleSteps().stream().map(AuditEntry::outcome).toList());
        assertEquals(0, connector.pending(null));
        assertEquals(SessionOutcome.NOTHING_TO_DO, session().outcome());
    }

    @Test
    void aRereadLostWithItsSessionIsAskedAgainInTheNextSession() {
        String requestId = connector.enqueue(QuickBooksRequest.of(customerModEmail(jane(), "jane@new.example"), "customer.update",
                CORRELATION));
        someoneSetsThePhoneOfJane("555-0100");

        SessionResult killed = session(WebConnectorFaults.none().withSessionKilledOnRoundTrip(2));
        assertEquals(SessionOutcome.KILLED, killed.outcome());
        assertEquals(List.of("CustomerModRq", "CustomerQueryRq"), requestTypes(killed));
        assertTrue(handler.responses(acme.connectionId()).isEmpty());

        SessionResult next = session();

        assertEquals(SessionOutcome.COMPLETED, next.outcome(), next.transcript().format());
        assertEquals(List.of("CustomerQueryRq", "CustomerModRq"), requestTypes(next));
        assertEquals("jane@new.example", jane().email());
        List<QuickBooksResponse> told = handler.responses(acme.connectionId());
        assertEquals(1, told.size());
        assertEquals(requestId, told.get(0).requestId());
        assertEquals("0", Dom.parse(told.get(0).fragment()).getAttribute("statusCode"));
    }

    @Test
    void aRetriedModLostWithItsSessionIsReportedUnknownAndNotSentAgain() {
        String requestId = connector.enqueue(QuickBooksRequest.of(customerModEmail(jane(), "jane@new.example"), "customer.update",
                CORRELATION));
        someoneSetsThePhoneOfJane("555-0100");

        SessionResult killed = session(WebConnectorFaults.none().withSessionKilledOnRoundTrip(3));
        assertEquals(List.of("CustomerModRq", "CustomerQueryRq", "CustomerModRq"), requestTypes(killed));
        assertEquals("jane@new.example", jane().email(), "QuickBooks applied the retried Mod before the session died");
        String editSequence = jane().editSequence();

        SessionResult next = session();

        assertEquals(SessionOutcome.NOTHING_TO_DO, next.outcome(), "nothing is sent again");
        assertEquals(editSequence, jane().editSequence());
        List<QuickBooksResponse> told = handler.responses(acme.connectionId());
        assertEquals(1, told.size());
        assertEquals(requestId, told.get(0).requestId());
        assertFalse(told.get(0).answered());
        assertTrue(told.get(0).errorMessage().contains("not known whether QuickBooks carried it out"), told.get(0).errorMessage());
    }

    @Test
    void aModThatStoppedTheRequestsQueuedInOrderAfterItIsAnsweredAsBefore() {
        List<String> ids = connector.enqueueInOrder(List.of(
                new QuickBooksRequest(customerModEmail(jane(), "jane@new.example"), "customer.update", CORRELATION, false),
                new QuickBooksRequest(QuickBooksFixtures.payment("Jane Doe", "10.00", "PM1"), "payment.add", CORRELATION, false)));
        someoneSetsThePhoneOfJane("555-0100");

        SessionResult result = session();

        assertEquals(List.of("CustomerModRq", "ReceivePaymentAddRq"), requestTypes(result));
        List<QuickBooksResponse> told = handler.responses(acme.connectionId());
        assertEquals(ids, told.stream().map(QuickBooksResponse::requestId).toList());
        assertEquals("3200", Dom.parse(told.get(0).fragment()).getAttribute("statusCode"));
        assertTrue(told.get(1).errorMessage().startsWith("Not run"), told.get(1).errorMessage());
        assertEquals(0, quickBooks.payments().size());
        assertEquals(List.of("not-retried"), staleSteps().stream().map(AuditEntry::outcome).toList());
    }

    @Test
    void aModQueuedInOrderAfterAQueryIsReadAgainAndRetried() {
        List<String> ids = connector.enqueueInOrder(List.of(
                new QuickBooksRequest("<CustomerQueryRq><FullName>Jane Doe</FullName></CustomerQueryRq>", "customer.find", CORRELATION, false),
                new QuickBooksRequest(customerModEmail(jane(), "jane@new.example"), "customer.update", CORRELATION, false)));
        someoneSetsThePhoneOfJane("555-0100");

        SessionResult result = session();

        assertEquals(SessionOutcome.COMPLETED, result.outcome(), result.transcript().format());
        assertEquals(List.of("CustomerQueryRq", "CustomerModRq", "CustomerQueryRq", "CustomerModRq"), requestTypes(result));
        assertEquals("jane@new.example", jane().email());
        List<QuickBooksResponse> told = handler.responses(acme.connectionId());
        assertEquals(ids, told.stream().map(QuickBooksResponse::requestId).toList());
        assertEquals("0", Dom.parse(told.get(1).fragment()).getAttribute("statusCode"));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private QbCustomer jane() {
        return quickBooks.customerByName("Jane Doe").orElseThrow();
    }

    private static String customerModEmail(QbCustomer customer, String email) {
        return "<CustomerModRq><CustomerMod><ListID>" + customer.listId() + "</ListID><EditSequence>" + customer.editSequence()
                + "</EditSequence><Email>" + email + "</Email></CustomerMod></CustomerModRq>";
    }

    /** Someone else edits Jane in QuickBooks: her EditSequence moves on. */
    private void someoneSetsThePhoneOfJane(String phone) {
        QbCustomer before = jane();
        inQuickBooks("<CustomerModRq><CustomerMod><ListID>" + before.listId() + "</ListID><EditSequence>" + before.editSequence()
                + "</EditSequence><Phone>" + phone + "</Phone></CustomerMod></CustomerModRq>");
        assertNotEquals(before.editSequence(), jane().editSequence());
    }

    /** Runs one request straight in the company file, as a person at the QuickBooks desktop would change it. */
    private void inQuickBooks(String request) {
        try {
            String answer = quickBooks.process(QbxmlMessage.compose("13.0", QbxmlMessage.OnError.STOP, List.of(request)));
            Element rs = Dom.children(Dom.child(Dom.parse(answer), "QBXMLMsgsRs")).get(0);
            assertEquals("0", rs.getAttribute("statusCode"), answer);
        } catch (QbXmlParseException e) {
            throw new AssertionError(e.detail(), e);
        }
    }

    private SessionResult session() {
        return session(WebConnectorFaults.none());
    }

    private SessionResult session(WebConnectorFaults faults) {
        return QbdFixture.of(quickBooks).webConnector(endpoint(), acme.userName(), acme.password()).faults(faults).build().runSession();
    }

    /** A Web Connector that gives up after one message: the next step waits for the next session. */
    private SessionResult oneRoundTripSession() {
        return QbdFixture.of(quickBooks).webConnector(endpoint(), acme.userName(), acme.password()).maxRoundTrips(1).build().runSession();
    }

    private URI endpoint() {
        return URI.create(server.getURL() + "/qbwc");
    }

    /** The request elements the session carried, message after message. */
    private static List<String> requestTypes(SessionResult result) {
        return result.transcript().roundTrips().stream()
                .flatMap(trip -> Dom.children(Dom.child(Dom.parse(trip.requestXml()), "QBXMLMsgsRq")).stream())
                .map(Element::getLocalName).toList();
    }

    private static String answerStatus(RoundTrip trip) {
        return Dom.children(Dom.child(Dom.parse(trip.responseXml()), "QBXMLMsgsRs")).get(0).getAttribute("statusCode");
    }

    /** The stale-EditSequence steps of the audit log, oldest first. */
    private List<AuditEntry> staleSteps() {
        return audit.query(acme.tenantId(), new AuditQuery(acme.connectionId(), CORRELATION, null, null, 0, 200)).entries().stream()
                .filter(e -> e.step().equals(StaleEditSequences.STEP))
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .toList();
    }
}
