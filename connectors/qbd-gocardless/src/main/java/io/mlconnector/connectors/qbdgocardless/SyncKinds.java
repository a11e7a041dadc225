package io.mlconnector.connectors.qbdgocardless;

/** The kinds of sync records this connector keeps: one record per GoCardless object. */
final class SyncKinds {

    static final String PAYMENT = "payment";
    static final String REFUND = "refund";
    static final String PAYOUT = "payout";

    private SyncKinds() {
    }
}
