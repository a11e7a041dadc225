package io.mlconnector.testkit.gocardless;

import com.gocardless.GoCardlessClient;
import com.gocardless.errors.GoCardlessInternalException;
import com.gocardless.errors.RateLimitException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeGoCardlessFaultsTest {

    private final FakeGoCardless fake = FakeGoCardless.start();
    private final RawHttp raw = new RawHttp(fake);

    @AfterEach
    void stop() {
        fake.close();
    }

    private GoCardlessClient client() {
        return GoCardlessClient.newBuilder(fake.accessToken()).withBaseUrl(fake.baseUrl())
                .withWaitBetweenRetriesInMilliSeconds(5).build();
    }

    private static Instant httpDate(String value) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    @Test
    void throttledRequestAnswers429WithResetHeaderThenRecovers() {
        fake.throttleNextRequests(1, Duration.ofSeconds(30));

        RawHttp.Response limited = raw.get("/creditors");
        RawHttp.Response next = raw.get("/creditors");

        assertEquals(429, limited.status());
        assertEquals("rate_limit_exceeded", limited.json().path("error").path("errors").get(0).path("reason").asText());
        assertEquals(429, limited.json().path("error").path("code").asInt());
        assertEquals("0", limited.header("RateLimit-Remaining"));
        assertEquals("1000", limited.header("RateLimit-Limit"));
        long wait = Duration.between(fake.now(), httpDate(limited.header("RateLimit-Reset"))).toSeconds();
        assertTrue(wait >= 29 && wait <= 31, "reset " + wait + "s ahead");
        assertEquals(200, next.status());
    }

    @Test
    void officialClientSurfaces429AsRateLimitExceptionWithoutRetrying() {
        fake.throttleNextRequests(5, Duration.ofSeconds(10));

        assertThrows(RateLimitException.class, () -> client().creditors().list().execute());
        assertEquals(1, fake.countRequests("GET", "/creditors"));
    }

    @Test
    void windowLimitCountsRequestsAndEveryAnswerCarriesTheHeaders() {
        fake.setRateLimit(3, Duration.ofHours(1));

        RawHttp.Response first = raw.get("/creditors");
        raw.get("/creditors");
        RawHttp.Response third = raw.get("/creditors");
        RawHttp.Response fourth = raw.get("/creditors");

        assertEquals("2", first.header("RateLimit-Remaining"));
        assertEquals("0", third.header("RateLimit-Remaining"));
        assertEquals(200, third.status());
        assertEquals(429, fourth.status());
        assertEquals("3", fourth.header("RateLimit-Limit"));
        assertNotNull(httpDate(first.header("RateLimit-Reset")));
    }

    @Test
    void transientServerErrorIsRetriedByTheOfficialClient() {
        fake.failNextRequests(2, 503);

        var creditors = client().creditors().list().execute();

        assertEquals(fake.creditorId(), creditors.getItems().get(0).getId());
        assertEquals(3, fake.countRequests("GET", "/creditors"));
    }

    @Test
    void persistentServerErrorReachesTheCallerAsGoCardlessError() {
        fake.failNextRequests(10, 500);

        GoCardlessInternalException e = assertThrows(GoCardlessInternalException.class,
                () -> client().creditors().list().execute());

        assertEquals(500, e.getCode());
        assertEquals(3, fake.countRequests("GET", "/creditors"));
    }
}
