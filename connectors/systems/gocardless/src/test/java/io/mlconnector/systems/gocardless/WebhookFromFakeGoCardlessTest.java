package io.mlconnector.systems.gocardless;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import io.mlconnector.testkit.gocardless.FakeGoCardlessEvent;
import io.mlconnector.testkit.gocardless.WebhookDelivery;
import io.mlconnector.testkit.gocardless.WebhookSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A minimal receiver built from the verifier and the parser, fed by the testkit's sender: proves
 * that what we accept is what GoCardless sends, and that we refuse what it would not.
 */
class WebhookFromFakeGoCardlessTest {

    private static final String SECRET = "wh-secret-current";

    private final GoCardlessWebhookVerifier verifier = GoCardlessWebhookVerifier.of("wh-secret-old", SECRET);
    private final GoCardlessWebhookParser parser = new GoCardlessWebhookParser();
    private final List<GoCardlessWebhook> accepted = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer receiver;
    private final URI url;
    private final FakeGoCardless fake = FakeGoCardless.start();

    WebhookFromFakeGoCardlessTest() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/webhooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            if (!verifier.isValid(body, exchange.getRequestHeaders().getFirst(GoCardlessWebhookVerifier.SIGNATURE_HEADER))) {
                status = GoCardlessWebhookVerifier.INVALID_SIGNATURE_STATUS;
            } else {
                try {
                    accepted.add(parser.parse(body));
                    status = 204;
                } catch (GoCardlessWebhookParseException e) {
                    status = 400;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks");
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        fake.close();
    }

    private List<FakeGoCardlessEvent> paymentLifecycle() {
        CustomerWithMandate c = fake.createCustomerWithActiveMandate(CustomerDetails.person("R", "T", "r@example.com"));
        String pm = fake.createPayment(c.mandateId(), 4200, "GBP");
        fake.confirmPayment(pm);
        fake.payout("GBP").payment(pm, 30).create();
        return fake.takeNewEvents();
    }

    @Test
    void everyEventTheFakeSendsArrivesVerifiedAndParsedIntact() {
        List<FakeGoCardlessEvent> sent = paymentLifecycle();

        List<WebhookDelivery> deliveries = new WebhookSender(SECRET).send(url, sent);

        assertTrue(deliveries.stream().allMatch(d -> d.statusCode() == 204));
        List<GoCardlessEvent> received = accepted.stream().flatMap(w -> w.events().stream()).toList();
        assertEquals(sent.stream().map(FakeGoCardlessEvent::id).toList(), received.stream().map(GoCardlessEvent::id).toList());
        assertEquals(sent.stream().map(FakeGoCardlessEvent::action).toList(),
                received.stream().map(GoCardlessEvent::action).toList());
        assertEquals(sent.stream().map(FakeGoCardlessEvent::cause).toList(),
                received.stream().map(GoCardlessEvent::cause).toList());
        assertEquals(sent.stream().map(FakeGoCardlessEvent::links).toList(),
                received.stream().map(GoCardlessEvent::links).toList());
        assertEquals(deliveries.get(0).webhookId(), accepted.get(0).webhookId());
    }

    @Test
    void wrongSecretIsAnswered498AndNothingIsParsed() {
        List<WebhookDelivery> deliveries = new WebhookSender(SECRET)
                .send(url, paymentLifecycle(), WebhookSender.Options.defaults().wrongSignature());

        assertTrue(deliveries.stream().allMatch(d -> d.statusCode() == 498));
        assertTrue(accepted.isEmpty());
    }

    @Test
    void duplicatedAndReorderedDeliveriesStillCarryTheSameEventIds() {
        List<FakeGoCardlessEvent> sent = paymentLifecycle();

        new WebhookSender(SECRET).send(url, sent, WebhookSender.Options.defaults().duplicated().outOfOrder().batchSize(2));

        List<String> received = accepted.stream().flatMap(w -> w.events().stream()).map(GoCardlessEvent::id).toList();
        assertEquals(sent.size() * 2, received.size());
        assertEquals(sent.stream().map(FakeGoCardlessEvent::id).sorted().toList(),
                received.stream().distinct().sorted().toList());
        assertEquals(sent.get(sent.size() - 1).id(), received.get(0));
    }

    @Test
    void signedButMalformedBodyIsRefusedByTheParser() {
        WebhookDelivery d = new WebhookSender(SECRET).sendBody(url, "{\"meta\":{\"webhook_id\":\"WB1\"}}");

        assertEquals(400, d.statusCode());
        assertTrue(accepted.isEmpty());
    }
}
