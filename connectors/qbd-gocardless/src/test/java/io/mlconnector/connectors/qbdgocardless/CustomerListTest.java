package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.qbd.customers.CustomerPoll;
import io.mlconnector.api.context.Choice;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.systems.qbd.QbXml;
import io.mlconnector.systems.qbd.xml.ActiveStatus;
import io.mlconnector.systems.qbd.xml.CustomerQueryRq;
import io.mlconnector.systems.qbd.xml.IteratorMode;
import io.mlconnector.testkit.context.QbXmlEndpoint;
import io.mlconnector.testkit.context.QuickBooksSession;
import io.mlconnector.testkit.qbd.SimulatedClock;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * QuickBooks customers are kept in the list people pick from when a payer matches none: read in full
 * once, then only the customers changed since, with the position moving only after a complete read.
 */
class CustomerListTest {

    private static final String LIST = "quickbooks-customers";
    private static final Pattern FROM_MODIFIED = Pattern.compile("<FromModifiedDate>([^<]*)</FromModifiedDate>");

    /** A company file in New York: QuickBooks writes its times on its own clock, with its own offset. */
    private static Scenario newYork() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-03-01T14:00:00Z"), ZoneId.of("America/New_York"));
        return Scenario.of(SimulatedCompanyFile.builder().companyName("Acme Inc").clock(clock).build());
    }

    /** Customer 000 … Customer {count-1}, one a second from 09:00:00 New York time. */
    private static void addCustomers(Scenario s, int count) {
        for (int i = 0; i < count; i++) {
            s.books.addCustomer(name(i), String.format("c%03d@example.com", i));
            s.books.clock().advance(Duration.ofSeconds(1));
        }
    }

    private static String name(int i) {
        return String.format("Customer %03d", i);
    }

    private static Optional<Choice> entry(Scenario s, String customerName) {
        return s.ctx.pickLists().find(LIST, s.qbCustomer(customerName).listId());
    }

    private static CustomerQueryRq waitingQuery(Scenario s) {
        List<QuickBooksRequest> waiting = s.ctx.quickBooks().waiting();
        assertEquals(1, waiting.size(), "one read of the customer list queued");
        return (CustomerQueryRq) QbXml.parseRequest(waiting.get(0).fragment());
    }

    /** The company file, with every request document and answer kept. */
    private static final class Watched implements QbXmlEndpoint {
        final List<String> requests = new ArrayList<>();
        final List<String> answers = new ArrayList<>();
        private final SimulatedCompanyFile books;
        private final boolean losesIterators;

        Watched(SimulatedCompanyFile books, boolean losesIterators) {
            this.books = books;
            this.losesIterators = losesIterators;
        }

        @Override
        public String process(String document) throws Exception {
            requests.add(document);
            String answer = books.process(document);
            answers.add(answer);
            if (losesIterators) {
                books.endSession();
            }
            return answer;
        }

        long customersReturned() {
            return answers.stream().mapToLong(a -> a.split("<CustomerRet>", -1).length - 1).sum();
        }

        long requestsWith(String text) {
            return requests.stream().filter(r -> r.contains(text)).count();
        }
    }

    @Test
    void theFirstReadPutsEveryActiveCustomerIntoTheListPageByPage() {
        try (Scenario s = newYork()) {
            addCustomers(s, 250);
            s.editCustomer(name(7), c -> c.companyName("Seven Seas Ltd"));
            s.books.clock().advance(Duration.ofSeconds(1));
            s.books.addCustomer("Old Customer", "old@example.com");
            s.editCustomer("Old Customer", c -> c.active(false));

            s.connector.runSchedule(QbdGoCardlessSpec.QUICKBOOKS_CUSTOMERS, s.ctx);
            s.connector.runSchedule(QbdGoCardlessSpec.QUICKBOOKS_CUSTOMERS, s.ctx);  // the first is still queued
            CustomerQueryRq query = waitingQuery(s);
            Watched quickBooks = new Watched(s.books, false);
            s.poll(quickBooks);

            assertNull(query.getFromModifiedDate(), "the first read takes every customer");
            assertEquals(ActiveStatus.ALL, query.getActiveStatus(), "inactive ones too, to take them off the list");
            assertEquals(IteratorMode.START, query.getIterator());
            assertEquals(100, query.getMaxReturned());
            assertEquals(3, quickBooks.requestsWith("<CustomerQueryRq"), "251 customers in pages of 100");
            assertEquals(0, s.books.openIterators(), "the iterator was read to its end");
            assertEquals(250, s.ctx.pickLists().size(LIST));
            assertEquals(Optional.empty(), entry(s, "Old Customer"), "inactive customers are not offered");
            Choice seven = entry(s, name(7)).orElseThrow();
            assertEquals(name(7), seven.label());
            assertEquals("Seven Seas Ltd · c007@example.com", seven.detail());
            assertEquals("c123@example.com", entry(s, name(123)).orElseThrow().detail());
            assertEquals("2024-03-01T09:04:11-05:00", s.ctx.cursors().get(CustomerPoll.CURSOR).orElseThrow(),
                    "QuickBooks' own TimeModified of the newest customer, as QuickBooks wrote it");
        }
    }

    @Test
    void aLaterReadAsksOnlyForTheCustomersChangedSinceAndUpdatesTheList() {
        try (Scenario s = newYork()) {
            addCustomers(s, 250);
            s.connector.runSchedule(QbdGoCardlessSpec.QUICKBOOKS_CUSTOMERS, s.ctx);
            s.poll();
            String firstPosition = s.ctx.cursors().get(CustomerPoll.CURSOR).orElseThrow();

            s.books.clock().advance(Duration.ofHours(1));
            s.editCustomer(name(10), c -> c.name("Customer 010 (Bristol)"));
            s.editCustomer(name(20), c -> c.email("accounts@twenty.example"));
            s.editCustomer(name(30), c -> c.active(false));
            String bristol = s.qbCustomer("Customer 010 (Bristol)").listId();
            String thirty = s.qbCustomer(name(30)).listId();

            s.connector.runSchedule(QbdGoCardlessSpec.QUICKBOOKS_CUSTOMERS, s.ctx);
            CustomerQueryRq query = waitingQuery(s);
            Watched quickBooks = new Watched(s.books, false);
            s.poll(quickBooks);

            assertEquals("2024-03-01T09:04:09-05:00", firstPosition);
            assertEquals(firstPosition, query.getFromModifiedDate(), "only what changed since the last complete read");
            assertEquals(4, quickBooks.customersReturned(),
                    "the three changed customers, and the newest of the last read again (the filter is inclusive)");
            assertEquals("Customer 010 (Bristol)", s.ctx.pickLists().find(LIST, bristol).orElseThrow().label());
            assertEquals("accounts@twenty.example", entry(s, name(20)).orElseThrow().detail());
            assertEquals(Optional.empty(), s.ctx.pickLists().find(LIST, thirty), "made inactive: taken off the list");
            assertEquals(249, s.ctx.pickLists().size(LIST));
            assertEquals("2024-03-01T10:04:10-05:00", s.ctx.cursors().get(CustomerPoll.CURSOR).orElseThrow());
        }
    }

    @Test
    void aReadWhoseSessionDiesMidwayLeavesThePositionAndTheNextSessionCompletesIt() {
        try (Scenario s = newYork()) {
            addCustomers(s, 250);
            s.connector.runSchedule(QbdGoCardlessSpec.QUICKBOOKS_CUSTOMERS, s.ctx);
            s.poll();
            String before = s.ctx.cursors().get(CustomerPoll.CURSOR).orElseThrow();
            s.books.clock().advance(Duration.ofHours(1));
            for (int i = 0; i < 150; i++) {
                String email = String.format("new-%03d@example.com", i);
                s.editCustomer(name(i), c -> c.email(email));
            }

            s.connector.runSchedule(QbdGoCardlessSpec.QUICKBOOKS_CUSTOMERS, s.ctx);
            s.ctx.quickBooks().loseAnswerOfNext(rq -> rq.fragment().contains("iterator=\"Continue\""));
            QuickBooksSession dead = s.poll();
            s.books.endSession();   // QuickBooks forgets the session's iterators

            assertTrue(dead.killed());
            assertEquals(before, s.ctx.cursors().get(CustomerPoll.CURSOR).orElseThrow(),
                    "not every page was stored: the position stays");

            Watched quickBooks = new Watched(s.books, false);
            QuickBooksSession next = s.poll(quickBooks);

            assertFalse(next.killed());
            assertEquals(before, fromModified(quickBooks.requests.get(0)), "read again from the unchanged position");
            assertTrue(quickBooks.requests.get(0).contains("iterator=\"Start\""), quickBooks.requests.get(0));
            assertEquals("2024-03-01T10:04:10-05:00", s.ctx.cursors().get(CustomerPoll.CURSOR).orElseThrow());
            for (int i = 0; i < 150; i++) {
                assertEquals(String.format("new-%03d@example.com", i), entry(s, name(i)).orElseThrow().detail());
            }
            assertEquals(250, s.ctx.pickLists().size(LIST));
        }
    }

    @Test
    void aReadThatKeepsLosingItsIteratorGivesUpAfterAFewTriesAndTheNextScheduledReadCompletes() {
        try (Scenario s = newYork()) {
            addCustomers(s, 150);
            s.connector.runSchedule(QbdGoCardlessSpec.QUICKBOOKS_CUSTOMERS, s.ctx);
            Watched forgetful = new Watched(s.books, true);
            s.poll(forgetful);

            assertEquals(1 + CustomerPoll.MAX_RESTARTS, forgetful.requestsWith("iterator=\"Start\""),
                    "started again a few times, not for ever");
            assertEquals(0, s.ctx.quickBooks().size(), "nothing left queued");
            assertEquals(Optional.empty(), s.ctx.cursors().get(CustomerPoll.CURSOR));
            assertTrue(s.ctx.audit().entries().stream().anyMatch(e -> e.step().equals("customers.poll-failed")));

            s.connector.runSchedule(QbdGoCardlessSpec.QUICKBOOKS_CUSTOMERS, s.ctx);
            s.poll();

            assertEquals(150, s.ctx.pickLists().size(LIST));
            assertEquals("2024-03-01T09:02:29-05:00", s.ctx.cursors().get(CustomerPoll.CURSOR).orElseThrow());
        }
    }

    private static String fromModified(String requestDocument) {
        Matcher m = FROM_MODIFIED.matcher(requestDocument);
        return m.find() ? m.group(1) : null;
    }
}
