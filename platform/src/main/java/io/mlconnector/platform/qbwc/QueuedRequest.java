package io.mlconnector.platform.qbwc;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/**
 * One row of the Web Connector queue as the session side sees it.
 *
 * @param orderGroup set for requests queued together in order; they travel in one stopOnError message
 * @param sendAlone  QuickBooks once refused a whole batch this request was in, so it now travels alone
 * @param staleMod   set while the row carries the query that reads an object again after QuickBooks
 *                   found the EditSequence of this Mod out of date; the Mod is sent again afterwards
 * @param rereads    how often the object of this Mod was read again
 */
record QueuedRequest(long id, String requestId, String type, String fragment, String purpose, @Nullable String correlation,
                     boolean independent, @Nullable UUID orderGroup, @Nullable Integer groupPosition, boolean sendAlone,
                     int attempts, String status, @Nullable String staleMod, int rereads) {

    /** A query changes nothing in QuickBooks, so asking it again is always safe. */
    boolean isQuery() {
        return type.endsWith("QueryRq");
    }

    /** Whether it may share a continueOnError message with unrelated requests. */
    boolean batchable() {
        return independent && !sendAlone && orderGroup == null;
    }

    /** Whether the row stands for a Mod whose object is being read again; its answer is not the connector's. */
    boolean rereading() {
        return staleMod != null;
    }
}
