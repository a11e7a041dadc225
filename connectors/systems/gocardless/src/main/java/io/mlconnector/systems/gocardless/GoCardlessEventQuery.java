package io.mlconnector.systems.gocardless;

import java.time.Instant;

/**
 * Which events one {@code /events} page should hold. Null fields are not sent.
 *
 * @param createdAfter only events created strictly after this instant
 * @param resourceType only events about this kind of resource (payments, mandates, payouts, refunds...)
 * @param after        cursor: events older than this event id
 * @param before       cursor: events newer than this event id
 * @param limit        page size (GoCardless's default is 50)
 */
public record GoCardlessEventQuery(Instant createdAfter, String resourceType, String after, String before,
                                   Integer limit) {

    public static GoCardlessEventQuery firstPage() {
        return new GoCardlessEventQuery(null, null, null, null, null);
    }

    public GoCardlessEventQuery createdAfter(Instant instant) {
        return new GoCardlessEventQuery(instant, resourceType, after, before, limit);
    }

    public GoCardlessEventQuery resourceType(String type) {
        return new GoCardlessEventQuery(createdAfter, type, after, before, limit);
    }

    public GoCardlessEventQuery after(String cursor) {
        return new GoCardlessEventQuery(createdAfter, resourceType, cursor, null, limit);
    }

    public GoCardlessEventQuery before(String cursor) {
        return new GoCardlessEventQuery(createdAfter, resourceType, null, cursor, limit);
    }

    public GoCardlessEventQuery limit(int pageSize) {
        return new GoCardlessEventQuery(createdAfter, resourceType, after, before, pageSize);
    }
}
