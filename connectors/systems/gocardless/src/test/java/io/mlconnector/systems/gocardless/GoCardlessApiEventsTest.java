package io.mlconnector.systems.gocardless;

import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import io.mlconnector.testkit.gocardless.FakeGoCardlessEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The polling fallback: events fetched from /events must mean the same as the webhook ones. */
class GoCardlessApiEventsTest {

    private final FakeGoCardless fake = FakeGoCardless.start();
    private final GoCardlessApi api = GoCardlessApi.builder(fake.accessToken()).baseUrl(fake.baseUrl())
            .pageSize(2).build();
    private final String mandate =
            fake.createCustomerWithActiveMandate(CustomerDetails.person("E", "V", "e@example.com")).mandateId();
    private final GoCardlessWebhookParser parser = new GoCardlessWebhookParser();

    @AfterEach
    void stop() {
        fake.close();
    }

    private static List<String> ids(List<?> events) {
        List<String> out = new ArrayList<>();
        for (Object e : events) {
            out.add(e instanceof GoCardlessEvent g ? g.id() : ((FakeGoCardlessEvent) e).id());
        }
        return out;
    }

    @Test
    void eventsCreatedAfterAnInstantComeOldestFirstAcrossPages() {
        fake.advanceTime(Duration.ofMinutes(1));
        Instant since = fake.now();
        fake.advanceTime(Duration.ofMillis(10));
        fake.takeNewEvents();
        String pm1 = fake.createPayment(mandate, 100, "GBP");
        String pm2 = fake.createPayment(mandate, 200, "GBP");
        fake.confirmPayment(pm1);
        List<FakeGoCardlessEvent> expected = fake.takeNewEvents();

        List<GoCardlessEvent> polled = api.listEventsCreatedAfter(since, "payments");

        assertEquals(ids(expected), ids(polled));
        assertEquals(List.of("created", "created", "submitted", "confirmed"),
                polled.stream().map(GoCardlessEvent::action).toList());
        assertEquals(pm2, polled.get(1).resourceId().orElseThrow());
        assertEquals("payment_confirmed", polled.get(3).cause());
        assertTrue(fake.countRequests("GET", "/events") >= 2, "walked more than one page");
    }

    @Test
    void eventsNewerThanTheLastSeenOneAreAllReturnedOldestFirst() {
        String lastSeen = fake.events().get(fake.events().size() - 1).id();
        fake.takeNewEvents();
        for (int i = 0; i < 5; i++) {
            fake.createPayment(mandate, 100 + i, "GBP");
        }
        List<FakeGoCardlessEvent> expected = fake.takeNewEvents();

        List<GoCardlessEvent> polled = api.listEventsNewerThan(lastSeen);

        assertEquals(ids(expected), ids(polled));
        assertTrue(api.listEventsNewerThan(polled.get(polled.size() - 1).id()).isEmpty());
    }

    @Test
    void polledEventEqualsTheSameEventDeliveredByWebhook() {
        fake.takeNewEvents();
        String pm = fake.createPayment(mandate, 700, "GBP");
        fake.failPayment(pm);
        FakeGoCardlessEvent failed = fake.eventsFor(pm).get(2);

        GoCardlessEvent polled = api.listEventsCreatedAfter(failed.createdAt().minusMillis(1), "payments").get(0);
        GoCardlessEvent delivered = parser.parse(("{\"events\":[" + failed.json() + "]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).events().get(0);

        assertEquals(delivered.id(), polled.id());
        assertEquals(delivered.createdAt(), polled.createdAt());
        assertEquals(delivered.links(), polled.links());
        assertEquals(delivered.details(), polled.details());
        assertEquals("bank", polled.details().origin());
        assertEquals("insufficient_funds", polled.cause());
    }

    @Test
    void singlePageCarriesCursors() {
        for (int i = 0; i < 3; i++) {
            fake.createPayment(mandate, 100 + i, "GBP");
        }

        GoCardlessEventPage first = api.listEvents(GoCardlessEventQuery.firstPage().resourceType("payments").limit(2));
        GoCardlessEventPage second = api.listEvents(GoCardlessEventQuery.firstPage().resourceType("payments")
                .limit(2).after(first.after()));

        assertEquals(2, first.events().size());
        assertNull(first.before());
        assertEquals(first.events().get(1).id(), first.after());
        assertEquals(1, second.events().size());
        assertNull(second.after());
        assertTrue(first.events().get(0).createdAt().isAfter(second.events().get(0).createdAt()));
    }
}
