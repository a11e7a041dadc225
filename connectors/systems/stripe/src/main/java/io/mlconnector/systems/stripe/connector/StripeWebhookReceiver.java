package io.mlconnector.systems.stripe.connector;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.stripe.StripeEvent;
import io.mlconnector.systems.stripe.StripeEventParseException;
import io.mlconnector.systems.stripe.StripeEventParser;
import io.mlconnector.systems.stripe.StripeWebhookSignatureException;
import io.mlconnector.systems.stripe.StripeWebhookVerifier;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Checks a Stripe webhook over its raw bytes and turns it into the event to store. Calls nothing
 * else: Stripe wants a quick 2xx, and the platform answers 2xx only once the event is stored.
 *
 * <p>A missing or wrong signature, or one older than five minutes, is answered 400 and nothing is
 * kept; a body that is not a v1 event likewise. An event of a type the pair ignores is acknowledged
 * (200) and dropped. The stored event is a notification: the pair re-reads its object.
 */
public final class StripeWebhookReceiver {

    public static final int REFUSED = 400;

    private final StripeEventParser parser = new StripeEventParser();
    private final String source;
    private final String secretCredential;
    private final Set<String> keptTypes;

    /**
     * @param source           the webhook source id in the pair's spec
     * @param secretCredential the credential holding the signing secret(s), when the platform passes none
     * @param keptTypes        the event types the pair acts on, e.g. {@code payout.paid}
     */
    public StripeWebhookReceiver(String source, String secretCredential, Set<String> keptTypes) {
        this.source = source;
        this.secretCredential = secretCredential;
        this.keptTypes = Set.copyOf(keptTypes);
    }

    public WebhookResult receive(WebhookRequest request, ConnectorContext context) {
        List<String> secrets = request.secrets().isEmpty()
                ? context.credentials().all(secretCredential) : request.secrets();
        if (secrets.isEmpty()) {
            return WebhookResult.rejected(REFUSED,
                    "No webhook signing secret is saved for this connection, so no webhook can be trusted");
        }
        byte[] body = request.body();
        try {
            new StripeWebhookVerifier(secrets, java.time.Duration.ofSeconds(StripeWebhookVerifier.DEFAULT_TOLERANCE_SECONDS),
                    context.clock()).verify(body, request.header(StripeWebhookVerifier.SIGNATURE_HEADER).orElse(null));
        } catch (StripeWebhookSignatureException e) {
            return WebhookResult.rejected(REFUSED, e.getMessage());
        }
        StripeEvent event;
        try {
            event = parser.parse(body);
        } catch (StripeEventParseException e) {
            return WebhookResult.rejected(REFUSED, e.getMessage());
        }
        if (!keptTypes.contains(event.type()) || event.objectId() == null) {
            return WebhookResult.accepted(List.of());
        }
        return WebhookResult.accepted(List.of(new InboundEvent(source, event.id(), event.type(), event.objectId(),
                event.created(), new String(body, StandardCharsets.UTF_8))));
    }
}
