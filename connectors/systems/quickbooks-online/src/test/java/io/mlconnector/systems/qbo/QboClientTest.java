package io.mlconnector.systems.qbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.testkit.qbo.QboRecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QboClientTest {

    private final FakeQboSetup qbo = new FakeQboSetup();

    @AfterEach
    void close() {
        qbo.close();
    }

    @Test
    void createReadSparseUpdateAndEveryCallCarriesMinorVersion75() {
        JsonObject customer = new JsonObject();
        customer.addProperty("DisplayName", "Ada Lovelace");
        JsonObject created = qbo.client.create("Customer", customer, null);
        String id = created.get("Id").getAsString();
        assertEquals("0", created.get("SyncToken").getAsString());

        JsonObject changes = new JsonObject();
        changes.addProperty("Id", id);
        changes.addProperty("SyncToken", "0");
        changes.addProperty("CompanyName", "Analytical Engines");
        qbo.client.sparseUpdate("Customer", changes);

        JsonObject read = qbo.client.read("Customer", id);
        assertEquals("Ada Lovelace", read.get("DisplayName").getAsString(), "a sparse update keeps the other fields");
        assertEquals("Analytical Engines", read.get("CompanyName").getAsString());
        assertEquals("1", read.get("SyncToken").getAsString());
        assertEquals(3, qbo.fake.requests().size());
        for (QboRecordedRequest r : qbo.fake.requests()) {
            assertEquals("75", r.query().get("minorversion"), r.path());
        }
    }

    @Test
    void anUpdateRacingAPersonIsDecidedAgainOnTheCurrentVersion() {
        String customer = qbo.company.addCustomer("Ada Lovelace", null);
        AtomicInteger asked = new AtomicInteger();
        JsonObject updated = qbo.client.update("Customer", customer, current -> {
            if (asked.incrementAndGet() == 1) {
                // Someone saves the customer in QuickBooks between our read and our write.
                qbo.company.editAsUser("Customer", customer, "Notes", "called on Monday");
            }
            JsonObject change = new JsonObject();
            change.addProperty("CompanyName", "Analytical Engines");
            return change;
        });
        assertEquals(2, asked.get(), "the change is asked for again after the stale SyncToken (5010)");
        assertEquals("Analytical Engines", updated.get("CompanyName").getAsString());
        assertEquals("called on Monday", updated.get("Notes").getAsString(), "the person's edit is kept");
        assertEquals("2", updated.get("SyncToken").getAsString());
    }

    @Test
    void aStaleSyncTokenIsReportedAsSuch() {
        String customer = qbo.company.addCustomer("Ada Lovelace", null);
        qbo.company.editAsUser("Customer", customer, "Notes", "x");
        JsonObject changes = new JsonObject();
        changes.addProperty("Id", customer);
        changes.addProperty("SyncToken", "0");
        changes.addProperty("Notes", "y");
        QboRequestRejected rejected = assertThrows(QboRequestRejected.class, () -> qbo.client.sparseUpdate("Customer", changes));
        assertTrue(rejected.isStaleObject());
        assertTrue(rejected.getMessage().contains("5010"), rejected.getMessage());
    }

    @Test
    void aDuplicateNameIsRecognisedSoTheCallerCanLookItUp() {
        qbo.company.addCustomer("Ada Lovelace", null);
        JsonObject customer = new JsonObject();
        customer.addProperty("DisplayName", "Ada Lovelace");
        QboRequestRejected rejected = assertThrows(QboRequestRejected.class, () -> qbo.client.create("Customer", customer, null));
        assertTrue(rejected.isDuplicate());
        List<JsonObject> found = qbo.client.queryAll("Customer", "DisplayName = " + QboQuery.quote("Ada Lovelace"));
        assertEquals(1, found.size());
    }

    @Test
    void queriesArePagedWithStartPositionUntilAShortPage() {
        for (int i = 0; i < 7; i++) {
            qbo.company.addCustomer("Customer O'Brien " + i, null);
        }
        List<JsonObject> all = qbo.client.queryAll("Customer", "DisplayName LIKE " + QboQuery.quote("Customer O'Brien%"), 3);
        assertEquals(7, all.size());
        List<String> queries = qbo.fake.requests().stream().map(r -> r.query().get("query")).toList();
        assertEquals(3, queries.size());
        assertTrue(queries.get(1).endsWith("STARTPOSITION 4 MAXRESULTS 3"), queries.get(1));
    }

    @Test
    void aRejectedTokenIsRefreshedOnceAndTheCallSucceeds() {
        String customer = qbo.company.addCustomer("Ada Lovelace", null);
        qbo.fake.revokeToken(qbo.token); // the hour is up
        assertEquals("Ada Lovelace", qbo.client.read("Customer", customer).get("DisplayName").getAsString());
        assertEquals(1, qbo.refreshes.get());
    }

    @Test
    void aTokenRefusedAfterTheRefreshMeansReconnect() {
        String customer = qbo.company.addCustomer("Ada Lovelace", null);
        qbo.fake.revokeToken(qbo.token);
        qbo.refreshAccepted = false;
        CredentialsRejected rejected = assertThrows(CredentialsRejected.class, () -> qbo.client.read("Customer", customer));
        assertEquals("quickbooks-online", rejected.system());
        assertEquals(1, qbo.refreshes.get(), "one refresh, not a loop");
    }

    @Test
    void throttlingWaitsAsToldAndServerErrorsAreRetriedLater() {
        String customer = qbo.company.addCustomer("Ada Lovelace", null);
        qbo.fake.throttleNext(1, 0);
        RetryLater throttled = assertThrows(RetryLater.class, () -> qbo.client.read("Customer", customer));
        assertEquals(Duration.ofSeconds(60), throttled.after(), "Intuit's wait after a 429 without Retry-After");

        qbo.fake.throttleNext(1, 7);
        assertEquals(Duration.ofSeconds(7), assertThrows(RetryLater.class, () -> qbo.client.read("Customer", customer)).after());

        qbo.fake.failNext(1, 503);
        assertThrows(RetryLater.class, () -> qbo.client.read("Customer", customer));
        assertTrue(qbo.skipped.get().compareTo(Duration.ofSeconds(66)) > 0, "later calls for the company waited out each 429");
        assertNotNull(qbo.client.read("Customer", customer));
    }

    @Test
    void aMissingObjectIsNotFound() {
        QboRequestRejected rejected = assertThrows(QboRequestRejected.class, () -> qbo.client.read("Invoice", "404"));
        assertTrue(rejected.isNotFound());
        assertFalse(rejected.isDuplicate());
    }

    @Test
    void changeDataCaptureReturnsChangedAndDeletedObjects() {
        Instant before = Instant.now().minusSeconds(5);
        String customer = qbo.company.addCustomer("Ada Lovelace", null);
        String invoice = qbo.company.addInvoice(customer, "120.00", java.time.LocalDate.now());
        QuickBooksOnline books = qbo.books();
        QboPayment payment = books.createPayment(QboPayment.newForInvoice(customer, invoice,
                io.mlconnector.api.money.Money.parse("20.00", "GBP"), java.time.LocalDate.now(), "PM123", null, null, null), null);
        books.deletePayment(payment.id());

        QboChanges changes = qbo.client.changesSince(List.of("Customer", "Invoice", "Payment"), before);
        assertEquals(List.of(customer), changes.of("Customer").stream().map(QboChanges.Change::id).toList());
        assertEquals(1, changes.of("Invoice").size(), "one entry per object, however often it changed");
        assertEquals("120.00", QboInvoice.from(changes.of("Invoice").get(0).object(), "GBP").balance().toDecimalString());
        QboChanges.Change deleted = changes.of("Payment").get(0);
        assertTrue(deleted.deleted());
        assertEquals(payment.id(), deleted.id());
        assertNotNull(changes.latest());
    }

    @Test
    void changeDataCaptureRefusesMoreThanThirtyDaysBack() {
        QboRequestRejected rejected = assertThrows(QboRequestRejected.class,
                () -> qbo.client.changesSince(List.of("Invoice"), Instant.now().minus(Duration.ofDays(31))));
        assertEquals(400, rejected.status());
    }

    @Test
    void theRealmIsDigitsOnly() {
        assertThrows(IllegalArgumentException.class, () -> new QboClient(new io.mlconnector.testkit.context.DirectOutboundHttp(),
                qbo.fake.baseUrl(), "../1", new QboAccessTokens() {
                    public String current() {
                        return "x";
                    }

                    public String refresh(String r) {
                        return "x";
                    }
                }, QboRequestPacer.forRealm("1")));
    }
}
