package io.mlconnector.systems.stripe;

import java.time.Instant;
import java.util.Objects;

/**
 * What a Stripe event says, kept as a notification only: which object changed and how. The object's
 * state is read again from the API before anything is posted, because deliveries repeat and arrive
 * out of order.
 *
 * @param id         {@code evt_…}, the key for de-duplication
 * @param type       e.g. {@code payment_intent.succeeded}, {@code payout.paid}
 * @param objectType {@code data.object.object}, e.g. {@code charge}
 * @param objectId   {@code data.object.id}
 */
public record StripeEvent(String id, String type, Instant created, boolean livemode, String objectType,
                          String objectId) {

    public StripeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    public StripeMode mode() {
        return livemode ? StripeMode.LIVE : StripeMode.TEST;
    }
}
