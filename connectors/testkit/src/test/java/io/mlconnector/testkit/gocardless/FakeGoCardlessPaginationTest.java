package io.mlconnector.testkit.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.gocardless.GoCardlessClient;
import com.gocardless.resources.Customer;
import com.gocardless.resources.Event;
import com.gocardless.services.EventService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeGoCardlessPaginationTest {

    private final FakeGoCardless fake = FakeGoCardless.start();
    private final RawHttp raw = new RawHttp(fake);

    @AfterEach
    void stop() {
        fake.close();
    }

    private List<String> createCustomers(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(fake.createCustomer(CustomerDetails.person("C" + i, "Test", "c" + i + "@example.com")));
        }
        return ids;
    }

    private static List<String> ids(JsonNode page, String collection) {
        List<String> ids = new ArrayList<>();
        page.path(collection).forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    @Test
    void pagesWalkNewestFirstWithAfterCursorsUntilNull() {
        List<String> created = createCustomers(7);

        JsonNode first = raw.get("/customers?limit=3").json();
        JsonNode second = raw.get("/customers?limit=3&after=" + first.path("meta").path("cursors").path("after").asText()).json();
        JsonNode third = raw.get("/customers?limit=3&after=" + second.path("meta").path("cursors").path("after").asText()).json();

        assertEquals(List.of(created.get(6), created.get(5), created.get(4)), ids(first, "customers"));
        assertEquals(List.of(created.get(3), created.get(2), created.get(1)), ids(second, "customers"));
        assertEquals(List.of(created.get(0)), ids(third, "customers"));
        assertTrue(first.path("meta").path("cursors").path("before").isNull());
        assertEquals(created.get(4), first.path("meta").path("cursors").path("after").asText());
        assertEquals(created.get(3), second.path("meta").path("cursors").path("before").asText());
        assertTrue(third.path("meta").path("cursors").path("after").isNull());
        assertEquals(3, third.path("meta").path("limit").asInt());
    }

    @Test
    void beforeCursorReturnsTheItemsClosestToItNewestFirst() {
        List<String> created = createCustomers(6);

        JsonNode page = raw.get("/customers?limit=2&before=" + created.get(1)).json();

        assertEquals(List.of(created.get(3), created.get(2)), ids(page, "customers"));
        assertEquals(created.get(3), page.path("meta").path("cursors").path("before").asText());
        assertEquals(created.get(2), page.path("meta").path("cursors").path("after").asText());
    }

    @Test
    void defaultLimitIsFiftyAndOversizedLimitsAreRefused() {
        createCustomers(55);

        RawHttp.Response page = raw.get("/customers");
        RawHttp.Response tooBig = raw.get("/customers?limit=501");

        assertEquals(50, page.json().path("customers").size());
        assertEquals(50, page.json().path("meta").path("limit").asInt());
        assertEquals(422, tooBig.status());
    }

    @Test
    void officialClientIteratesEveryPage() {
        List<String> created = createCustomers(11);
        GoCardlessClient gc = GoCardlessClient.newBuilder(fake.accessToken()).withBaseUrl(fake.baseUrl()).build();

        List<String> seen = new ArrayList<>();
        for (Customer c : gc.customers().all().withLimit(4).execute()) {
            seen.add(c.getId());
        }

        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);
        assertEquals(3, fake.countRequests("GET", "/customers"));
    }

    @Test
    void eventsFilterByCreatedAtAndResourceTypeAcrossPages() {
        CustomerWithMandate c = fake.createCustomerWithActiveMandate(CustomerDetails.person("A", "B", "a@example.com"));
        fake.advanceTime(Duration.ofMinutes(5));
        Instant cutOff = fake.now();
        fake.advanceTime(Duration.ofSeconds(1));
        List<String> payments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            payments.add(fake.createPayment(c.mandateId(), 100 + i, "GBP"));
        }
        fake.submitPayment(payments.get(0));
        GoCardlessClient gc = GoCardlessClient.newBuilder(fake.accessToken()).withBaseUrl(fake.baseUrl()).build();

        List<Event> events = new ArrayList<>();
        for (Event e : gc.events().all().withLimit(2).withCreatedAtGt(cutOff.toString())
                .withResourceType(EventService.EventListRequest.ResourceType.PAYMENTS).execute()) {
            events.add(e);
        }
        List<Event> mandateEventsAfterCutOff = new ArrayList<>();
        gc.events().all().withCreatedAtGt(cutOff.toString())
                .withResourceType(EventService.EventListRequest.ResourceType.MANDATES).execute()
                .forEach(mandateEventsAfterCutOff::add);

        assertEquals(6, events.size());
        assertEquals("submitted", events.get(0).getAction());
        assertEquals(payments.get(0), events.get(0).getLinks().getPayment());
        assertEquals(payments.get(4), events.get(1).getLinks().getPayment());
        assertTrue(events.stream().allMatch(e -> Instant.parse(e.getCreatedAt()).isAfter(cutOff)));
        assertTrue(mandateEventsAfterCutOff.isEmpty());
        // three pages of two payment events, then one page of (no) mandate events
        assertEquals(4, fake.countRequests("GET", "/events"));
    }
}
