package io.mlconnector.testkit.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "endpoint-secret-1";

    /** What a receiver saw: headers (lower-case names) and the raw body. */
    record Received(Map<String, String> headers, String body) {
    }

    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile int answer = 204;
    private final HttpServer receiver;
    private final URI url;
    private final FakeGoCardless fake = FakeGoCardless.start();

    WebhookSenderTest() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            received.add(new Received(headers, body));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
        url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        fake.close();
    }

    private List<FakeGoCardlessEvent> events(int payments) {
        String mandate = fake.createCustomerWithActiveMandate(CustomerDetails.person("W", "H", "w@example.com")).mandateId();
        for (int i = 0; i < payments; i++) {
            fake.createPayment(mandate, 100 + i, "GBP");
        }
        return fake.takeNewEvents();
    }

    private static List<String> eventIds(String body) throws IOException {
        List<String> ids = new ArrayList<>();
        JSON.readTree(body).path("events").forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }

    @Test
    void signatureMatchesGoCardlessPublishedTestVector() {
        String body = "{\"events\":[{\"id\":\"EV00BD05S5VM2T\",\"created_at\":\"2018-07-05T09:13:51.404Z\","
                + "\"resource_type\":\"subscriptions\",\"action\":\"created\",\"links\":{\"subscription\":\"SB0003JJQ2MR06\"},"
                + "\"details\":{\"origin\":\"api\",\"cause\":\"subscription_created\",\"description\":\"Subscription created via the API.\"},"
                + "\"metadata\":{}},{\"id\":\"EV00BD05TB8K63\",\"created_at\":\"2018-07-05T09:13:56.893Z\",\"resource_type\":\"mandates\","
                + "\"action\":\"created\",\"links\":{\"mandate\":\"MD000AMA19XGEC\"},\"details\":{\"origin\":\"api\","
                + "\"cause\":\"mandate_created\",\"description\":\"Mandate created via the API.\"},\"metadata\":{}}]}";

        assertEquals("2693754819d3e32d7e8fcb13c729631f316c6de8dc1cf634d6527f1c07276e7e",
                WebhookSender.sign(body, "ED7D658C-D8EB-4941-948B-3973214F2D49"));
    }

    @Test
    void postsSignedBatchesOfAtMost250WithGoCardlessHeaders() throws IOException {
        List<FakeGoCardlessEvent> events = events(300);

        List<WebhookDelivery> deliveries = new WebhookSender(SECRET, WebhookSender.SANDBOX_ORIGIN).send(url, events);

        assertEquals(2, deliveries.size());
        assertEquals(2, received.size());
        Received first = received.get(0);
        assertEquals("application/json", first.headers().get("content-type"));
        assertEquals(WebhookSender.SANDBOX_ORIGIN, first.headers().get("origin"));
        assertEquals(WebhookSender.sign(first.body(), SECRET), first.headers().get("webhook-signature"));
        JsonNode body = JSON.readTree(first.body());
        assertEquals(250, body.path("events").size());
        assertTrue(body.path("meta").path("webhook_id").asText().startsWith("WB"));
        assertEquals(events.size() - 250, JSON.readTree(received.get(1).body()).path("events").size());
        List<String> sent = new ArrayList<>(eventIds(first.body()));
        sent.addAll(eventIds(received.get(1).body()));
        assertEquals(events.stream().map(FakeGoCardlessEvent::id).toList(), sent);
        assertEquals(204, deliveries.get(0).statusCode());
    }

    @Test
    void reportsTheReceiversStatus() {
        answer = 498;

        List<WebhookDelivery> deliveries = new WebhookSender(SECRET).send(url, events(1));

        assertEquals(498, deliveries.get(0).statusCode());
        assertTrue(!deliveries.get(0).accepted());
    }

    @Test
    void duplicatedDeliveryResendsTheSameWebhook() {
        List<WebhookDelivery> deliveries = new WebhookSender(SECRET)
                .send(url, events(2), WebhookSender.Options.defaults().duplicated());

        assertEquals(2, received.size());
        assertEquals(received.get(0).body(), received.get(1).body());
        assertEquals(deliveries.get(0).webhookId(), deliveries.get(1).webhookId());
    }

    @Test
    void outOfOrderDeliverySendsNewestFirst() throws IOException {
        List<FakeGoCardlessEvent> events = events(4);

        new WebhookSender(SECRET).send(url, events, WebhookSender.Options.defaults().outOfOrder().batchSize(3));

        List<String> expected = new ArrayList<>(events.stream().map(FakeGoCardlessEvent::id).toList());
        Collections.reverse(expected);
        List<String> sent = new ArrayList<>();
        for (Received r : received) {
            sent.addAll(eventIds(r.body()));
        }
        assertEquals(3, received.size());
        assertEquals(expected, sent);
    }

    @Test
    void wrongSignatureIsNotTheEndpointSecretsSignature() {
        new WebhookSender(SECRET).send(url, events(1), WebhookSender.Options.defaults().wrongSignature());

        Received r = received.get(0);
        assertNotEquals(WebhookSender.sign(r.body(), SECRET), r.headers().get("webhook-signature"));
        assertEquals(64, r.headers().get("webhook-signature").length());
    }
}
