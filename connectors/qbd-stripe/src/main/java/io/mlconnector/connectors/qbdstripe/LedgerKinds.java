package io.mlconnector.connectors.qbdstripe;

/**
 * The kinds this connector keeps in the id ledger. A payment is keyed by its payment intent id (or
 * its charge id when it has none), whichever event announced it, so it is posted once.
 */
final class LedgerKinds {

    /** Stripe customer id → QuickBooks customer ListID. */
    static final String CUSTOMER = "customer";
    /** Payment key → ReceivePayment TxnID. */
    static final String PAYMENT = "payment";
    /** Stripe refund id → ARRefundCreditCard TxnID. */
    static final String REFUND = "refund";
    /** Stripe refund id → the CreditMemo TxnID the refund draws on. */
    static final String REFUND_CREDIT = "refund-credit";
    /** Stripe payout id → Deposit TxnID. */
    static final String PAYOUT = "payout";
    /** Stripe refund id → the payment key it waits for. */
    static final String REFUND_AWAITING_PAYMENT = "refund-awaiting-payment";
    /** Payment key → the payout id waiting for it. */
    static final String PAYOUT_AWAITING_PAYMENT = "payout-awaiting-payment";
    /** Stripe dispute id → the status people were last alerted about. */
    static final String DISPUTE_ALERTED = "dispute-alerted";
    /** Payment key → the Stripe customer whose QuickBooks customer it waits for. */
    static final String PAYMENT_AWAITING_CUSTOMER = "payment-awaiting-customer";

    private LedgerKinds() {
    }
}
