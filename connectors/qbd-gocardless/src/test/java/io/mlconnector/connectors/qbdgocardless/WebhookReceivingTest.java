package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.gocardless.FakeGoCardlessEvent;
import io.mlconnector.testkit.gocardless.WebhookSender;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks are verified over the raw body and answered the way GoCardless documents. */
class WebhookReceivingTest {

    @Test
    void aSignedBatchKeepsTheEventsThisConnectorActsOn() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);
            List<FakeGoCardlessEvent> events = s.gc.takeNewEvents();   // customer, mandate and payment events
            FakeGoCardlessEvent confirmed = events.stream()
                    .filter(e -> e.resourceType().equals("payments") && e.action().equals("confirmed"))
                    .findFirst().orElseThrow();

            WebhookResult result = s.receive(WebhookSender.body(events, "WB0001"), null);

            WebhookResult.Accepted accepted = assertInstanceOf(WebhookResult.Accepted.class, result);
            assertEquals(200, accepted.status());
            List<String> types = accepted.events().stream().map(InboundEvent::type).toList();
            assertTrue(types.contains("payments.confirmed") && types.contains("mandates.active"), types.toString());
            assertTrue(types.stream().noneMatch(t -> t.equals("payments.created") || t.startsWith("customers.")),
                    types.toString());
            InboundEvent kept = accepted.events().stream().filter(e -> e.id().equals(confirmed.id())).findFirst()
                    .orElseThrow();
            assertEquals("gocardless", kept.source());
            assertEquals(payment, kept.objectId());
            assertEquals(confirmed.createdAt(), kept.occurredAt());
            assertTrue(kept.payload().contains(confirmed.id()) && kept.payload().contains("\"confirmed\""));
        }
    }

    @Test
    void aWrongSignatureIsRefusedWith498() {
        try (Scenario s = Scenario.gbp()) {
            String body = "{\"events\":[],\"meta\":{\"webhook_id\":\"WB1\"}}";

            WebhookResult result = s.receive(body, WebhookSender.sign(body, "not-the-secret"));

            WebhookResult.Rejected rejected = assertInstanceOf(WebhookResult.Rejected.class, result);
            assertEquals(498, rejected.status());
            assertTrue(!rejected.reason().contains(Scenario.WEBHOOK_SECRET), "the reason never shows the secret");
        }
    }

    @Test
    void bothSecretsAreAcceptedDuringARotation() {
        try (Scenario s = Scenario.gbp()) {
            s.ctx.credentials().set(Keys.WEBHOOK_SECRET, "old-secret, " + Scenario.WEBHOOK_SECRET);
            String body = "{\"events\":[],\"meta\":{\"webhook_id\":\"WB1\"}}";

            assertInstanceOf(WebhookResult.Accepted.class, s.receive(body, WebhookSender.sign(body, "old-secret")));
            assertInstanceOf(WebhookResult.Accepted.class, s.receive(body, null));
        }
    }

    @Test
    void aBodyThatIsNotAnEventBatchIsRefusedWith400() {
        try (Scenario s = Scenario.gbp()) {
            WebhookResult result = s.receive("{\"events\": [ {\"id\": 7} ]}", null);

            assertEquals(400, assertInstanceOf(WebhookResult.Rejected.class, result).status());
        }
    }

    @Test
    void aBatchOfIgnoredEventsIsAcknowledgedWith204AndStoresNothing() {
        try (Scenario s = Scenario.gbp()) {
            s.gc.createCustomer(io.mlconnector.testkit.gocardless.CustomerDetails.person("Ada", "Lovelace", "a@x.example"));

            WebhookResult result = s.receive(WebhookSender.body(s.gc.takeNewEvents(), "WB2"), null);

            WebhookResult.Accepted accepted = assertInstanceOf(WebhookResult.Accepted.class, result);
            assertEquals(204, accepted.status());
            assertEquals(List.of(), accepted.events());
        }
    }

    @Test
    void withoutASavedSecretNoWebhookIsTrusted() {
        try (Scenario s = Scenario.gbp()) {
            s.ctx.credentials().set(Keys.WEBHOOK_SECRET, null);
            String body = "{\"events\":[]}";

            assertEquals(498, assertInstanceOf(WebhookResult.Rejected.class, s.receive(body, null)).status());
        }
    }
}
