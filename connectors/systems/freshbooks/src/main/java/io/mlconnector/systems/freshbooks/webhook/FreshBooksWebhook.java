package io.mlconnector.systems.freshbooks.webhook;

import java.util.List;
import java.util.Map;

/**
 * Reads a FreshBooks delivery: the registration handshake (it carries the verifier, so it cannot be
 * signed with one we know; what it says is only acted on once FreshBooks accepts the verifier back), or
 * an event, accepted only when signed with one of the connection's stored verifiers.
 */
public final class FreshBooksWebhook {

    /** What a delivery turned out to be. */
    public sealed interface Reading {
    }

    /** The handshake after registering a callback: send {@code verifier} back to activate {@code callbackId}. */
    public record Handshake(String callbackId, String verifier, FreshBooksDelivery delivery) implements Reading {
    }

    /** A signed event delivery. */
    public record Event(FreshBooksDelivery delivery) implements Reading {
    }

    /** Refused: answer 401 and store nothing. The reason names no secret. */
    public record Refused(String reason) implements Reading {
    }

    private FreshBooksWebhook() {
    }

    public static Reading read(byte[] body, String signature, List<String> verifiers) {
        Map<String, String> fields;
        try {
            fields = FormFields.parse(body);
        } catch (IllegalArgumentException e) {
            return new Refused("The body is not form-encoded");
        }
        FreshBooksDelivery delivery = FreshBooksDelivery.of(fields);
        if (delivery.verifier().isPresent()) {
            if (delivery.objectId() == null || delivery.objectId().isBlank()) {
                return new Refused("A verification delivery without the callback's id");
            }
            return new Handshake(delivery.objectId(), delivery.verifier().get(), delivery);
        }
        if (verifiers.isEmpty()) {
            return new Refused("No callback of this connection is verified yet, so no delivery can be checked");
        }
        if (!FreshBooksSignature.matches(signature, fields, verifiers)) {
            return new Refused("The " + FreshBooksSignature.HEADER + " signature does not match");
        }
        if (delivery.name() == null || delivery.objectId() == null) {
            return new Refused("A delivery without an event name or object id");
        }
        return new Event(delivery);
    }
}
