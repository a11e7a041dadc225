package io.mlconnector.systems.qbo;

import java.time.Instant;

/**
 * One change QuickBooks Online told us about. Notifications carry ids only: read the object before
 * using it.
 *
 * @param eventId     the CloudEvent's id, or for the legacy payload one made from realm, entity,
 *                    id, operation and time (stable across redeliveries of the same change)
 * @param realmId     the company it happened in: the routing key to the connection
 * @param entity      the entity as the API names it, e.g. {@code Invoice}, {@code PaymentMethod}
 * @param id          the object's id
 * @param operation   what happened
 * @param occurredAt  when QuickBooks says it happened, or null
 * @param deletedId   for a merge, the id that was merged away; otherwise null
 */
public record QboNotification(String eventId, String realmId, String entity, String id, QboOperation operation,
                              Instant occurredAt, String deletedId) {

    /** A short type for the inbox, e.g. {@code Invoice.Update}. */
    public String type() {
        return entity + "." + operation.legacyName();
    }
}
