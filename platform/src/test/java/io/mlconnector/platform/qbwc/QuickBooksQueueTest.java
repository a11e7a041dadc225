package io.mlconnector.platform.qbwc;

import static io.mlconnector.platform.qbwc.QuickBooksFixtures.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.api.qbd.QuickBooksDesktop;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.ops.NotFound;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue as a plugin sees it, through the connector API's QuickBooksDesktop. */
@MicronautTest(transactional = false)
@Property(name = RecordingResponseHandler.ENABLED, value = "true")
class QuickBooksQueueTest {

    @Inject
    QuickBooksFixtures fixtures;
    @Inject
    QuickBooksQueue queue;
    @Inject
    Sql sql;
    @Inject
    TenantTransactions transactions;

    @Test
    void eachQueuedRequestCarriesItsOwnRequestIdOnItsElement() {
        QuickBooksFixtures.Connected acme = fixtures.connected("Acme");
        QuickBooksDesktop quickBooks = queue.forConnection(acme.tenantId(), acme.connectionId());

        String first = quickBooks.enqueue(QuickBooksRequest.of(payment("Jane Doe", "1.00", "PM1"), "payment.add", "PM1"));
        List<String> ordered = quickBooks.enqueueInOrder(List.of(
                QuickBooksRequest.of(QuickBooksFixtures.customerAdd("Bob"), "customer.add", "PM2"),
                QuickBooksRequest.of(payment("Bob", "2.00", "PM2"), "payment.add", "PM2")));

        assertNotEquals(first, ordered.get(0));
        assertTrue(ordered.stream().allMatch(id -> id.length() <= 50));
        String stored = transactions.read(acme.tenantId(), () -> sql.one(
                "SELECT fragment FROM web_connector_requests WHERE connection_id = ? AND request_id = ?",
                row -> row.getString(1), acme.connectionId(), ordered.get(1)).orElseThrow());
        assertEquals(ordered.get(1), Dom.parse(stored).getAttribute("requestID"));
        assertEquals(1, quickBooks.pending("PM1"));
        assertEquals(2, quickBooks.pending("PM2"));
        assertEquals(0, quickBooks.pending("PM3"));
        assertTrue(quickBooks.lastPolledAt().isEmpty());
        assertTrue(quickBooks.qbxmlVersion().isEmpty());
    }

    @Test
    void aBrokenRequestIsRefusedAtOnceAndNothingIsQueued() {
        QuickBooksFixtures.Connected acme = fixtures.connected("Acme");
        QuickBooksDesktop quickBooks = queue.forConnection(acme.tenantId(), acme.connectionId());

        assertThrows(IllegalArgumentException.class, () -> quickBooks.enqueueInOrder(List.of(
                QuickBooksRequest.of(payment("Jane", "1.00", "PM1"), "payment.add", "PM1"),
                QuickBooksRequest.of("<ReceivePaymentAddRq>", "payment.add", "PM1"))));

        assertEquals(0, quickBooks.pending(null));
    }

    @Test
    void nobodyCanQueueForAnotherTenantsConnection() {
        QuickBooksFixtures.Connected acme = fixtures.connected("Acme");
        QuickBooksFixtures.Connected other = fixtures.connected("Other");

        assertThrows(NotFound.class, () -> queue.enqueue(other.tenantId(), acme.connectionId(),
                QuickBooksRequest.of(payment("Jane", "1.00", "PM1"), "payment.add", "PM1")));
        assertEquals(0, queue.pending(acme.tenantId(), acme.connectionId(), null));
    }
}
