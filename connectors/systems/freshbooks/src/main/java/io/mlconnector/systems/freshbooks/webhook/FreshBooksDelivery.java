package io.mlconnector.systems.freshbooks.webhook;

import java.util.Map;
import java.util.Optional;

/**
 * One POST from FreshBooks to a callback URI. Deliveries carry ids only: read the object before use.
 *
 * @param name     the event, e.g. {@code invoice.create}, {@code client.update}, or for the handshake {@code callback.verify}
 * @param objectId the invoice, client… id (for the handshake: the callback's id)
 * @param fields   every field as received, in order
 */
public record FreshBooksDelivery(String name, String objectId, String accountId, String businessId, String userId,
                                 Map<String, String> fields) {

    public FreshBooksDelivery {
        fields = Map.copyOf(fields);
    }

    static FreshBooksDelivery of(Map<String, String> fields) {
        return new FreshBooksDelivery(fields.get("name"), fields.get("object_id"), fields.get("account_id"),
                fields.get("business_id"), fields.get("user_id"), fields);
    }

    /** The verification code of the registration handshake, present only on that first delivery. */
    public Optional<String> verifier() {
        return Optional.ofNullable(fields.get("verifier")).filter(v -> !v.isBlank());
    }

    /** The noun of the event: {@code invoice} for {@code invoice.update}. */
    public String noun() {
        int dot = name == null ? -1 : name.indexOf('.');
        return dot < 0 ? String.valueOf(name) : name.substring(0, dot);
    }

    /** The verb of the event: {@code update} for {@code invoice.update}. */
    public String verb() {
        int dot = name == null ? -1 : name.indexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
