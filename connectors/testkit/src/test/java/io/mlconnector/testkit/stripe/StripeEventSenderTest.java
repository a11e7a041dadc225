package io.mlconnector.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Deliveries the official stripe-java verifier accepts, repeated and reordered on request. */
class StripeEventSenderTest {

    private static final String SECRET = "whsec_test_endpoint_secret";

    private final FakeStripe stripe = FakeStripe.start();
    private final List<String[]> received = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer receiver;

    StripeEventSenderTest() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {body, exchange.getRequestHeaders().getFirst("Stripe-Signature")});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        stripe.close();
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void stripeJavaVerifiesTheDeliveriesAndReadsTheEvents() throws Exception {
        String cus = stripe.customer("Ada", "ada@example.com");
        stripe.succeedPayment(cus, 2500, "usd", Map.of());
        stripe.takeNewEvents(); // the customer's creation
        List<ObjectNode> events = stripe.takeNewEvents();
        assertEquals(List.of(), events, "taken once");

        stripe.succeedPayment(cus, 1200, "usd", Map.of());
        events = stripe.takeNewEvents();
        new StripeEventSender(SECRET).send(url(), events);

        assertEquals(2, received.size());
        Event first = Webhook.constructEvent(received.get(0)[0], received.get(0)[1], SECRET);
        assertEquals("charge.succeeded", first.getType());
        Event second = Webhook.constructEvent(received.get(1)[0], received.get(1)[1], SECRET);
        assertEquals("payment_intent.succeeded", second.getType());
    }

    @Test
    void duplicatedAndOutOfOrderDeliveriesCarryTheSameEvents() throws Exception {
        String cus = stripe.customer("Ada", "ada@example.com");
        stripe.succeedPayment(cus, 2500, "usd", Map.of());
        List<ObjectNode> events = stripe.takeNewEvents().subList(1, 3);

        List<StripeEventSender.Delivery> deliveries = new StripeEventSender(SECRET).send(url(), events,
                StripeEventSender.Options.defaults().duplicated().outOfOrder());

        assertEquals(4, deliveries.size());
        assertEquals(events.get(1).get("id").asText(), deliveries.get(0).eventId());
        assertEquals(deliveries.get(0).eventId(), deliveries.get(1).eventId());
        assertEquals(events.get(0).get("id").asText(), deliveries.get(3).eventId());
    }

    @Test
    void rotationSignsWithEverySecretAndTheWrongSecretOrAnOldTimestampFails() throws Exception {
        String cus = stripe.customer("Ada", "ada@example.com");
        List<ObjectNode> events = stripe.takeNewEvents();
        new StripeEventSender(SECRET, "whsec_new_secret").send(url(), events);
        Webhook.constructEvent(received.get(0)[0], received.get(0)[1], "whsec_new_secret");
        Webhook.constructEvent(received.get(0)[0], received.get(0)[1], SECRET);

        new StripeEventSender(SECRET).send(url(), events, StripeEventSender.Options.defaults().wrongSignature());
        assertThrows(SignatureVerificationException.class,
                () -> Webhook.constructEvent(received.get(1)[0], received.get(1)[1], SECRET));

        new StripeEventSender(SECRET).send(url(), events,
                StripeEventSender.Options.defaults().signedAgo(Duration.ofMinutes(10)));
        assertThrows(SignatureVerificationException.class,
                () -> Webhook.constructEvent(received.get(2)[0], received.get(2)[1], SECRET));
        assertEquals(cus, events.get(0).at("/data/object/id").asText());
    }
}
