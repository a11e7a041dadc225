package io.mlconnector.systems.qbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlconnector.testkit.qbo.QboChange;
import io.mlconnector.testkit.qbo.QboWebhookSender;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QboWebhookTest {

    private static final String TOKEN = "f3c9a1d2-verifier";
    private final QboWebhookSender sender = new QboWebhookSender(TOKEN);
    private final Instant at = Instant.parse("2026-12-04T10:15:30Z");
    private final List<QboChange> twoRealms = List.of(
            new QboChange("ev-1", "111", "Invoice", "130", "Create", at),
            new QboChange("ev-2", "222", "Customer", "58", "Update", at),
            new QboChange("ev-3", "111", "PaymentMethod", "3", "Delete", at));

    @Test
    void theSignatureIsBase64HmacOfTheRawBodyWithTheVerifierToken() {
        byte[] body = sender.legacyBody(twoRealms);
        QboWebhookVerifier verifier = new QboWebhookVerifier(List.of(TOKEN));
        assertTrue(verifier.isValid(body, sender.signature(body)));
        assertEquals(sender.signature(body), QboWebhookVerifier.signature(body, TOKEN));

        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("130", "131").getBytes(StandardCharsets.UTF_8);
        assertFalse(verifier.isValid(tampered, sender.signature(body)));
        assertFalse(new QboWebhookVerifier(List.of("another-token")).isValid(body, sender.signature(body)));
        assertFalse(verifier.isValid(body, "not base64 !"));
        assertFalse(verifier.isValid(body, null));
        assertTrue(new QboWebhookVerifier(List.of("old-token", TOKEN)).isValid(body, sender.signature(body)), "rotation");
    }

    @Test
    void theLegacyPayloadNamesEachCompanysChanges() {
        List<QboNotification> parsed = new QboWebhookParser().parse(sender.legacyBody(twoRealms));
        assertEquals(3, parsed.size());
        QboNotification invoice = parsed.stream().filter(n -> n.entity().equals("Invoice")).findFirst().orElseThrow();
        assertEquals("111", invoice.realmId());
        assertEquals("130", invoice.id());
        assertEquals(QboOperation.CREATE, invoice.operation());
        assertEquals(at, invoice.occurredAt());
        assertEquals("Invoice.Create", invoice.type());
        assertEquals("222", parsed.stream().filter(n -> n.entity().equals("Customer")).findFirst().orElseThrow().realmId());
        assertEquals(invoice.eventId(), new QboWebhookParser().parse(sender.legacyBody(twoRealms)).stream()
                .filter(n -> n.entity().equals("Invoice")).findFirst().orElseThrow().eventId(), "a redelivery has the same id");
    }

    @Test
    void theCloudEventsPayloadIsAnArrayWithTheRealmInIntuitAccountId() {
        List<QboNotification> parsed = new QboWebhookParser().parse(sender.cloudEventsBody(twoRealms));
        assertEquals(List.of("ev-1", "ev-2", "ev-3"), parsed.stream().map(QboNotification::eventId).toList());
        assertEquals(List.of("111", "222", "111"), parsed.stream().map(QboNotification::realmId).toList());
        assertEquals(List.of("Invoice", "Customer", "PaymentMethod"), parsed.stream().map(QboNotification::entity).toList());
        assertEquals(List.of(QboOperation.CREATE, QboOperation.UPDATE, QboOperation.DELETE),
                parsed.stream().map(QboNotification::operation).toList());
        assertNull(parsed.get(0).deletedId());
    }

    @Test
    void aBodyOfNeitherShapeIsRefusedWithoutEchoingIt() {
        QboWebhookParser parser = new QboWebhookParser();
        assertThrows(QboWebhookParseException.class, () -> parser.parse("{\"secret\":1}".getBytes(StandardCharsets.UTF_8)));
        QboWebhookParseException e = assertThrows(QboWebhookParseException.class, () -> parser.parse("not json".getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.getMessage().contains("not json"));
        assertThrows(QboWebhookParseException.class, () -> parser.parse("[{\"type\":\"qbo.invoice.created.v1\"}]".getBytes(StandardCharsets.UTF_8)));
    }
}
