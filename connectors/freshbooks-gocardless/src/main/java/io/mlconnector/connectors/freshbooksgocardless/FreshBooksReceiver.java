package io.mlconnector.connectors.freshbooksgocardless;

import com.google.gson.JsonObject;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.freshbooks.webhook.FreshBooksDelivery;
import io.mlconnector.systems.freshbooks.webhook.FreshBooksSignature;
import io.mlconnector.systems.freshbooks.webhook.FreshBooksWebhook;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What FreshBooks posts to the connection's address. A signed event becomes one inbox event; a forged or
 * altered one is answered 401 and nothing is stored. The registration handshake is accepted only for a
 * callback this connection registered: its verifier is stored encrypted as pending (never in the inbox)
 * and sent back to FreshBooks when the event is handled, which is the real check of it.
 */
final class FreshBooksReceiver {

    static final int REFUSED = 401;
    static final String VERIFY = "callback.verify";
    private static final Set<String> NOUNS = Set.of("invoice", "client");

    WebhookResult receive(WebhookRequest request, ConnectorContext ctx) {
        FreshBooksWebhook.Reading reading = FreshBooksWebhook.read(request.body(),
                request.header(FreshBooksSignature.HEADER).orElse(null), request.secrets());
        if (reading instanceof FreshBooksWebhook.Refused refused) {
            return WebhookResult.rejected(REFUSED, refused.reason());
        }
        Instant now = ctx.clock().instant();
        if (reading instanceof FreshBooksWebhook.Handshake handshake) {
            if (!handshake.callbackId().matches("\\d{1,20}") || ctx.ids().target(Keys.CALLBACK, handshake.callbackId()).isEmpty()) {
                return WebhookResult.rejected(REFUSED, "A verification for a callback this connection did not register");
            }
            ctx.credentials().put(Keys.pendingVerifier(handshake.callbackId()), handshake.verifier());
            JsonObject payload = new JsonObject();
            payload.addProperty("callback_id", handshake.callbackId());
            return WebhookResult.accepted(List.of(new InboundEvent(Keys.FRESHBOOKS,
                    VERIFY + ":" + handshake.callbackId() + ":" + Keys.fingerprint(handshake.verifier()), VERIFY,
                    handshake.callbackId(), now, payload.toString())));
        }
        FreshBooksDelivery delivery = ((FreshBooksWebhook.Event) reading).delivery();
        if (!NOUNS.contains(delivery.noun())) {
            return WebhookResult.accepted(List.of());
        }
        JsonObject payload = new JsonObject();
        delivery.fields().forEach(payload::addProperty);
        // Deliveries carry no id of their own, and the same fields announce every later change of the object
        // too, so each delivery is its own event: handling reads the object as it is now and is idempotent,
        // which is what makes a repeated delivery harmless.
        String id = delivery.name() + ":" + delivery.objectId() + ":" + now.toEpochMilli() + ":" + UUID.randomUUID();
        return WebhookResult.accepted(List.of(new InboundEvent(Keys.FRESHBOOKS, id, delivery.name(), delivery.objectId(),
                now, payload.toString())));
    }
}
