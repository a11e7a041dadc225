package io.mlconnector.systems.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.stripe.FakeStripe;
import io.mlconnector.testkit.stripe.StripeEventSender;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StripeWebhookVerifierTest {

    private static final String OLD = "whsec_old_endpoint_secret";
    private static final String NEW = "whsec_new_endpoint_secret";
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final byte[] body;

    StripeWebhookVerifierTest() {
        try (FakeStripe stripe = FakeStripe.start()) {
            stripe.customer("Ada", "ada@example.com");
            body = new StripeEventSender(OLD).body(stripe.takeNewEvents().get(0));
        }
    }

    private static StripeWebhookVerifier verifier(String... secrets) {
        return new StripeWebhookVerifier(List.of(secrets), Duration.ofSeconds(300), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Signed by the testkit's own implementation of Stripe's scheme, not by the code under test. */
    private String signed(long t, String... secrets) {
        return new StripeEventSender(secrets).signatureHeader(body, t);
    }

    @Test
    void aDeliveryStripeSignedIsAccepted() {
        assertDoesNotThrow(() -> verifier(OLD).verify(body, signed(NOW.getEpochSecond(), OLD)));
        assertEquals(signed(NOW.getEpochSecond(), OLD),
                StripeWebhookVerifier.signatureHeader(body, NOW.getEpochSecond(), OLD));
    }

    @Test
    void theSameEventReSerialisedNoLongerMatches() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode parsed = (ObjectNode) json.readTree(body);
        byte[] compact = json.writeValueAsBytes(parsed);
        assertFalse(java.util.Arrays.equals(body, compact));
        String header = signed(NOW.getEpochSecond(), OLD);

        assertThrows(StripeWebhookSignatureException.class, () -> verifier(OLD).verify(compact, header));
    }

    @Test
    void duringARotationEitherSecretAndEitherSignatureIsEnough() {
        long t = NOW.getEpochSecond();
        assertDoesNotThrow(() -> verifier(OLD, NEW).verify(body, signed(t, NEW)));
        assertDoesNotThrow(() -> verifier(NEW).verify(body, signed(t, OLD, NEW)));
        assertDoesNotThrow(() -> verifier(OLD).verify(body, signed(t, OLD, NEW)));
        assertThrows(StripeWebhookSignatureException.class, () -> verifier(NEW).verify(body, signed(t, OLD)));
    }

    @Test
    void aSignatureOlderThanFiveMinutesIsRefusedAndAYoungerOneAccepted() {
        long t = NOW.getEpochSecond();
        StripeWebhookSignatureException old = assertThrows(StripeWebhookSignatureException.class,
                () -> verifier(OLD).verify(body, signed(t - 301, OLD)));
        assertTrue(old.getMessage().contains("301 s ago"), old.getMessage());
        assertDoesNotThrow(() -> verifier(OLD).verify(body, signed(t - 299, OLD)));
    }

    @Test
    void aMissingOrIncompleteHeaderIsRefusedWithoutNamingTheSecret() {
        long t = NOW.getEpochSecond();
        String v1Only = signed(t, OLD).substring(signed(t, OLD).indexOf(',') + 1);
        for (String header : new String[] {null, "", v1Only, "t=" + t, "t=" + t + ",v0=abc"}) {
            StripeWebhookSignatureException e = assertThrows(StripeWebhookSignatureException.class,
                    () -> verifier(OLD).verify(body, header));
            assertFalse(e.getMessage().contains(OLD));
        }
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Ada", "Eve").getBytes(StandardCharsets.UTF_8);
        assertThrows(StripeWebhookSignatureException.class, () -> verifier(OLD).verify(tampered, signed(t, OLD)));
    }

    @Test
    void theVerifiedBodyReadsAsAnEvent() {
        StripeEvent event = new StripeEventParser().parse(body);
        assertEquals("customer.created", event.type());
        assertEquals("customer", event.objectType());
        assertTrue(event.objectId().startsWith("cus_"));
        assertEquals(StripeMode.TEST, event.mode());
        assertThrows(StripeEventParseException.class, () -> new StripeEventParser()
                .parse("{\"object\":\"v2.core.event\",\"id\":\"evt_1\",\"type\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(StripeEventParseException.class, () -> new StripeEventParser().parse("[1]".getBytes(StandardCharsets.UTF_8)));
    }
}
