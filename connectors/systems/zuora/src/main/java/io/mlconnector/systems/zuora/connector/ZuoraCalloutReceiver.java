package io.mlconnector.systems.zuora.connector;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.zuora.callout.Callout;
import io.mlconnector.systems.zuora.callout.CalloutAuth;
import io.mlconnector.systems.zuora.callout.CalloutBody;
import io.mlconnector.systems.zuora.callout.CalloutVerifier;
import io.mlconnector.systems.zuora.callout.HmacAlgorithm;
import io.mlconnector.systems.zuora.callout.SignatureEncoding;
import io.mlconnector.systems.zuora.callout.SignedText;

import java.util.List;
import java.util.Optional;

/**
 * A Zuora callout to a connection: checked by the connection's chosen proofs (401, nothing stored,
 * when it does not prove itself), then read as ids only. The event names the object; the pair reads
 * it from Zuora's API before posting anything.
 */
public final class ZuoraCalloutReceiver {

    private ZuoraCalloutReceiver() {
    }

    public static WebhookResult receive(WebhookRequest request, ConnectorContext ctx) {
        CalloutAuth auth;
        try {
            auth = auth(ctx);
        } catch (IllegalArgumentException e) {
            return WebhookResult.rejected(401, "Callout authentication is not set up: " + e.getMessage());
        }
        Optional<String> problem = CalloutVerifier.problem(request, auth);
        if (problem.isPresent()) {
            return WebhookResult.rejected(401, problem.get());
        }
        CalloutBody.Parsed parsed = CalloutBody.parse(request.body());
        if (parsed instanceof CalloutBody.Parsed.Named named) {
            return WebhookResult.accepted(List.of(event(named.callout(), request)));
        }
        if (parsed instanceof CalloutBody.Parsed.Malformed malformed) {
            return WebhookResult.rejected(400, malformed.reason());
        }
        return WebhookResult.accepted(List.of());
    }

    /** The event the platform stores: its id is the object and its updated date, so repeats are one event. */
    public static InboundEvent event(Callout callout, WebhookRequest request) {
        return new InboundEvent(ZuoraFields.SYSTEM, callout.eventId(), callout.type(), callout.id(), null, request.bodyText());
    }

    /** The same event for an object a poll found, so a callout and the poll are one event. */
    public static InboundEvent polled(Callout callout) {
        return new InboundEvent(ZuoraFields.SYSTEM, callout.eventId(), callout.type(), callout.id(), null,
                "{\"object\":\"" + callout.object().id() + "\",\"id\":\"" + callout.id() + "\",\"polled\":true}");
    }

    /** The connection's chosen proofs, from its settings and credentials. */
    public static CalloutAuth auth(ConnectorContext ctx) {
        CalloutAuth.Mode mode = CalloutAuth.Mode.byId(ctx.settings().get(ZuoraFields.CALLOUT_AUTH, CalloutAuth.Mode.HMAC.id()));
        CalloutAuth.Hmac hmac = null;
        if (mode.needsHmac()) {
            List<String> keys = ctx.credentials().all(ZuoraFields.HMAC_KEY);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("no HMAC key is stored");
            }
            hmac = new CalloutAuth.Hmac(HmacAlgorithm.byLabel(ctx.settings().get(ZuoraFields.HMAC_ALGORITHM, "SHA-256")),
                    ctx.settings().get(ZuoraFields.HMAC_HEADER, "X-Zuora-Signature"),
                    SignedText.byId(ctx.settings().get(ZuoraFields.HMAC_SIGNED, SignedText.BODY_AND_NEW_LINE.id())),
                    SignatureEncoding.byId(ctx.settings().get(ZuoraFields.HMAC_ENCODING, SignatureEncoding.BASE64.id())),
                    ctx.settings().get(ZuoraFields.HMAC_PREFIX, ""), keys);
        }
        CalloutAuth.Basic basic = null;
        if (mode.needsBasic()) {
            List<String> passwords = ctx.credentials().all(ZuoraFields.CALLOUT_PASSWORD);
            if (passwords.isEmpty()) {
                throw new IllegalArgumentException("no callout password is stored");
            }
            basic = new CalloutAuth.Basic(ctx.settings().get(ZuoraFields.CALLOUT_USERNAME, "zuora"), passwords);
        }
        return new CalloutAuth(mode, hmac, basic);
    }
}
