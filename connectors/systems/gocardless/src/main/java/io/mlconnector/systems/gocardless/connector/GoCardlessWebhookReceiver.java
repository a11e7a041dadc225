package io.mlconnector.systems.gocardless.connector;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.gocardless.GoCardlessWebhook;
import io.mlconnector.systems.gocardless.GoCardlessWebhookParseException;
import io.mlconnector.systems.gocardless.GoCardlessWebhookParser;
import io.mlconnector.systems.gocardless.GoCardlessWebhookSignatureException;
import io.mlconnector.systems.gocardless.GoCardlessWebhookVerifier;

import java.util.List;

/**
 * Checks a GoCardless webhook and turns it into the events to store. Calls nothing else: GoCardless
 * waits for the answer (10 seconds at most).
 *
 * <p>Answers as GoCardless documents: 498 for a missing or wrong signature, 400 for a body that is not
 * an event batch, 204 when every event is of a kind the pair ignores, 200 otherwise. A pair returns
 * {@link #receive} from {@code Connector.receiveWebhook}.
 */
public final class GoCardlessWebhookReceiver {

    public static final int BAD_BODY = 400;
    public static final int NOTHING_KEPT = 204;

    private final GoCardlessWebhookParser parser = new GoCardlessWebhookParser();
    private final String secretKey;
    private final GoCardlessEvents events;

    /**
     * @param secretKey the credential holding the webhook endpoint secret(s), when the platform passes none
     * @param events    which events to keep
     */
    public GoCardlessWebhookReceiver(String secretKey, GoCardlessEvents events) {
        this.secretKey = secretKey;
        this.events = events;
    }

    public WebhookResult receive(WebhookRequest request, ConnectorContext context) {
        List<String> secrets = request.secrets().isEmpty()
                ? context.credentials().all(secretKey) : request.secrets();
        if (secrets.isEmpty()) {
            return WebhookResult.rejected(GoCardlessWebhookVerifier.INVALID_SIGNATURE_STATUS,
                    "No webhook endpoint secret is saved for this connection, so no webhook can be trusted");
        }
        byte[] body = request.body();
        try {
            new GoCardlessWebhookVerifier(secrets).verify(body,
                    request.header(GoCardlessWebhookVerifier.SIGNATURE_HEADER).orElse(null));
        } catch (GoCardlessWebhookSignatureException e) {
            return WebhookResult.rejected(GoCardlessWebhookVerifier.INVALID_SIGNATURE_STATUS, e.getMessage());
        }
        GoCardlessWebhook webhook;
        try {
            webhook = parser.parse(body);
        } catch (GoCardlessWebhookParseException e) {
            return WebhookResult.rejected(BAD_BODY, e.getMessage());
        }
        List<InboundEvent> kept = webhook.events().stream()
                .filter(events::kept)
                .map(events::toInbound)
                .toList();
        return kept.isEmpty() ? WebhookResult.accepted(List.of(), NOTHING_KEPT) : WebhookResult.accepted(kept);
    }
}
