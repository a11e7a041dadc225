package io.mlconnector.api.context;

import java.util.Optional;

/**
 * One record per business object crossing from one system to the other (e.g. one GoCardless payment
 * becoming one QuickBooks payment), with its current status, so a person can ask "what happened to
 * PM123?" and get one answer. The event being handled is linked to the record, which is what makes
 * a failed record replayable.
 */
public interface SyncRecords {

    /** The record of this object, created as PENDING if new. {@code summary} is for people. */
    SyncRecord open(String kind, String sourceId, String summary);

    Optional<SyncRecord> find(String kind, String sourceId);

    void waitingForQuickBooks(String kind, String sourceId);

    void done(String kind, String sourceId, String targetId);

    /** A person must act (e.g. pick the customer); the reason says what and why. */
    void needsAttention(String kind, String sourceId, String reason);

    /**
     * A person must say which object of the other system belongs to this record; the web UI asks the
     * question (offering the question's pick list) and runs the record again with the answer.
     */
    void needsAttention(String kind, String sourceId, String reason, MatchQuestion question);

    void failed(String kind, String sourceId, String reason);

    /** Nothing to do for this object (e.g. a payment that was cancelled before collection). */
    void skipped(String kind, String sourceId, String reason);
}
