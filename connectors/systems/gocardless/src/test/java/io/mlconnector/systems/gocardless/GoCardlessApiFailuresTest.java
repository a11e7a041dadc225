package io.mlconnector.systems.gocardless;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoCardlessApiFailuresTest {

    private final FakeGoCardless fake = FakeGoCardless.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    private GoCardlessApi api(String token) {
        return GoCardlessApi.builder(token).baseUrl(fake.baseUrl()).retries(3, Duration.ofMillis(5)).build();
    }

    @Test
    void connectionCheckNamesTheCreditor() {
        fake.setCreditorName("Acme Gardening Ltd");

        GoCardlessConnectionCheck check = api(fake.accessToken()).checkConnection();

        assertTrue(check.ok());
        assertEquals(new GoCardlessCreditor(fake.creditorId(), "Acme Gardening Ltd"), check.creditor());
        assertEquals("Connected to Acme Gardening Ltd (" + fake.creditorId() + ")", check.summary());
    }

    @Test
    void connectionCheckSaysTheTokenWasRejected() {
        GoCardlessConnectionCheck check = api("sandbox_wrong_token").checkConnection();

        assertFalse(check.ok());
        assertEquals("the access token was rejected", check.problem());
    }

    @Test
    void connectionCheckSaysGoCardlessCouldNotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        GoCardlessApi unreachable = GoCardlessApi.builder("token").baseUrl("http://127.0.0.1:" + closedPort)
                .retries(2, Duration.ofMillis(5)).connectTimeout(Duration.ofSeconds(2)).build();

        assertEquals("GoCardless could not be reached", unreachable.checkConnection().problem());
        GoCardlessUnreachableException e = assertThrows(GoCardlessUnreachableException.class,
                () -> unreachable.getCustomer("CU1"));
        assertTrue(e.isRetryable());
    }

    @Test
    void connectionCheckSaysWhenTheAddressIsNotGoCardless() throws IOException {
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] html = "<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(502, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        proxy.start();
        try {
            GoCardlessApi api = GoCardlessApi.builder("token").baseUrl("http://127.0.0.1:" + proxy.getAddress().getPort())
                    .retries(1, Duration.ZERO).build();

            assertEquals("the address answered, but not like GoCardless", api.checkConnection().problem());
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void rateLimitCarriesTheWaitFromRateLimitReset() {
        fake.throttleNextRequests(1, Duration.ofSeconds(42));
        GoCardlessApi api = api(fake.accessToken());

        GoCardlessRateLimitedException e = assertThrows(GoCardlessRateLimitedException.class,
                () -> api.getCustomer("CU000000000001"));

        long wait = e.retryAfter().toSeconds();
        assertTrue(wait >= 40 && wait <= 43, "waits about 42 s, not " + wait);
        assertTrue(e.resetAt().orElseThrow().isAfter(Instant.now().plusSeconds(39)));
        assertEquals(1000, e.limit().orElseThrow());
        assertTrue(e.isRetryable());
        assertEquals(1, fake.countRequests("GET", "/customers"), "a 429 is not retried on the spot");
    }

    @Test
    void afterTheRateLimitTheNextCallWorks() {
        String customerId = fake.createCustomer(CustomerDetails.person("R", "L", "r@example.com"));
        fake.throttleNextRequests(1, Duration.ofSeconds(1));
        GoCardlessApi api = api(fake.accessToken());

        assertThrows(GoCardlessRateLimitedException.class, () -> api.getCustomer(customerId));
        assertEquals("r@example.com", api.getCustomer(customerId).email());
    }

    @Test
    void connectionCheckExplainsARateLimit() {
        fake.throttleNextRequests(1, Duration.ofSeconds(20));

        String problem = api(fake.accessToken()).checkConnection().problem();

        assertTrue(problem.startsWith("GoCardless is busy with this account's requests; try again in "), problem);
    }

    @Test
    void transientServerErrorsAreRetriedByTheClient() {
        String customerId = fake.createCustomer(CustomerDetails.person("T", "S", "t@example.com"));
        fake.failNextRequests(2, 503);

        assertEquals("t@example.com", api(fake.accessToken()).getCustomer(customerId).email());
        assertEquals(3, fake.countRequests("GET", "/customers/" + customerId));
    }

    @Test
    void persistentServerErrorIsARetryableApiException() {
        fake.failNextRequests(10, 500);

        GoCardlessApiException e = assertThrows(GoCardlessApiException.class,
                () -> api(fake.accessToken()).getPayout("PO000000000001"));

        assertEquals(500, e.status());
        assertEquals("gocardless", e.type());
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().startsWith("reading payout PO000000000001"), e.getMessage());
    }

    @Test
    void noFailureMessageContainsTheAccessToken() {
        String token = fake.accessToken();
        fake.throttleNextRequests(1, Duration.ofSeconds(5));
        String rateLimited = assertThrows(GoCardlessException.class, () -> api(token).getMandate("MD1")).getMessage();
        fake.failNextRequests(3, 500);
        String serverError = assertThrows(GoCardlessException.class, () -> api(token).getMandate("MD1")).getMessage();
        String notFound = assertThrows(GoCardlessException.class, () -> api(token).getMandate("MD1")).getMessage();
        fake.revokeAllAccessTokens();
        String rejected = assertThrows(GoCardlessException.class, () -> api(token).getMandate("MD1")).getMessage();

        for (String message : new String[] {rateLimited, serverError, notFound, rejected}) {
            assertFalse(message.contains(token), message);
        }
    }
}
