package io.mlconnector.api.context;

/** Where a business object is on its way from one system to the other. */
public enum SyncStatus {
    /** Received, not yet handled. */
    PENDING,
    /** Requests are queued for QuickBooks Desktop's next Web Connector session. */
    WAITING_FOR_QUICKBOOKS,
    /** In the other system; the target id says where. */
    DONE,
    /** A person must act; the reason says what. */
    NEEDS_ATTENTION,
    /** Gave up after retries or for good; replayable. */
    FAILED,
    /** Deliberately not carried over; the reason says why. */
    SKIPPED
}
