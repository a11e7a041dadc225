package com.example.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.testkit.context.InMemoryConnectorContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcmeConnectorTest {

    private static final String SECRET = "acme-secret-123";
    private static final String BODY = "[{\"id\":\"ev_1\",\"type\":\"payment.paid\",\"payment\":\"pay_1\",\"amount\":1250,\"currency\":\"GBP\",\"customer\":\"Ann\"},"
            + "{\"id\":\"ev_2\",\"type\":\"payment.created\",\"payment\":\"pay_2\",\"amount\":500,\"currency\":\"GBP\",\"customer\":\"Bob\"}]";

    private final AcmeConnector connector = new AcmeConnector();
    private final InMemoryConnectorContext context = InMemoryConnectorContext.builder()
            .spec(connector.spec())
            .credential(AcmeConnector.SECRET, SECRET)
            .build();

    @Test
    void aSignedWebhookKeepsOnlyPaidPaymentsAndEachIsRecordedOnce() {
        WebhookResult result = connector.receiveWebhook(signed(BODY, SECRET), context);

        List<InboundEvent> events = assertInstanceOf(WebhookResult.Accepted.class, result).events();
        assertEquals(1, events.size());
        connector.handle(events.get(0), context);
        connector.handle(events.get(0), context);

        assertEquals(SyncStatus.DONE, context.syncRecords().find("payment", "pay_1").orElseThrow().status());
        assertEquals(Map.of("pay_1", "BK-pay_1"), context.ids().all("payment"));
        assertEquals(1, context.audit().entries().size(), "recorded once, however often it is delivered");
    }

    @Test
    void aWrongSignatureIsRejected() {
        WebhookResult result = connector.receiveWebhook(signed(BODY, "someone-else"), context);
        assertEquals(401, assertInstanceOf(WebhookResult.Rejected.class, result).status());
    }

    private static WebhookRequest signed(String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new WebhookRequest("acme-pay", bytes, Map.of(AcmeSignature.HEADER, List.of(AcmeSignature.sign(bytes, secret))), List.of(SECRET));
    }
}
