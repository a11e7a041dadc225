package io.mlconnector.connectors.qbdstripe;

/** The kinds of sync records this connector keeps: one record per Stripe object. */
final class SyncKinds {

    static final String PAYMENT = "payment";
    static final String REFUND = "refund";
    static final String DISPUTE = "dispute";
    static final String PAYOUT = "payout";

    private SyncKinds() {
    }
}
