package io.mlconnector.systems.zuora.callout;

import java.util.Locale;
import java.util.Objects;

/**
 * What a callout says: only which object to look at. Nothing in it is trusted beyond that; the
 * object is read from Zuora's API before anything is posted.
 *
 * @param updated the object's updated date as Zuora wrote it, when the body carries it: it tells a
 *                repeated callout (same value) from news about the same object (a new value)
 */
public record Callout(ObjectKind object, String id, String updated) {

    /** The objects a callout may name. */
    public enum ObjectKind {
        INVOICE, PAYMENT, REFUND;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Callout {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(id, "id");
    }

    /** A stable id for the platform's inbox: repeats of one notification share it. */
    public String eventId() {
        return object.id() + ":" + id + (updated == null ? "" : ":" + updated);
    }

    /** E.g. {@code invoice}, for the inbox's event type. */
    public String type() {
        return object.id();
    }
}
