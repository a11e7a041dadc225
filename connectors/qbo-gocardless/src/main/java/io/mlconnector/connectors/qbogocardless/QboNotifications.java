package io.mlconnector.connectors.qbogocardless;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.qbo.QboNotification;
import io.mlconnector.systems.qbo.QboWebhookParseException;
import io.mlconnector.systems.qbo.QboWebhookParser;
import io.mlconnector.systems.qbo.QboWebhookVerifier;
import java.util.List;
import java.util.Set;

/**
 * QuickBooks Online webhooks to this connection's URL (a tenant's own Intuit app): verified with the
 * app's verifier token, either payload, kept for the entities this connector acts on. The realm
 * travels in the stored event; {@code handle} ignores other companies' notifications.
 */
final class QboNotifications {

    static final Set<String> KEPT = Set.of("Customer", "Invoice");

    WebhookResult receive(WebhookRequest request) {
        if (request.secrets().isEmpty()) {
            return WebhookResult.rejected(401, "No QuickBooks Online webhook verifier token is saved for this connection");
        }
        byte[] body = request.body();
        if (!new QboWebhookVerifier(request.secrets()).isValid(body, request.header(QboWebhookVerifier.SIGNATURE_HEADER).orElse(null))) {
            return WebhookResult.rejected(401, "The intuit-signature header does not match the body signed with the verifier token");
        }
        List<QboNotification> notifications;
        try {
            notifications = new QboWebhookParser().parse(body);
        } catch (QboWebhookParseException e) {
            return WebhookResult.rejected(400, e.getMessage());
        }
        return WebhookResult.accepted(notifications.stream().filter(n -> KEPT.contains(n.entity())).map(QboNotifications::inbound).toList());
    }

    static InboundEvent inbound(QboNotification n) {
        JsonObject payload = new JsonObject();
        payload.addProperty("realmId", n.realmId());
        payload.addProperty("entity", n.entity());
        payload.addProperty("id", n.id());
        payload.addProperty("operation", n.operation().name());
        String id = n.eventId().length() > 200 ? n.eventId().substring(0, 200) : n.eventId();
        return new InboundEvent(QboGoCardlessSpec.QBO, id, n.type(), n.entity() + ":" + n.id(), n.occurredAt(), payload.toString());
    }

    record Change(String realmId, String entity, String id, String operation) {
        static Change of(InboundEvent event) {
            JsonObject o = JsonParser.parseString(event.payload()).getAsJsonObject();
            return new Change(o.get("realmId").getAsString(), o.get("entity").getAsString(), o.get("id").getAsString(),
                    o.get("operation").getAsString());
        }
    }
}
