package io.mlconnector.connectors.qbogocardless;

/** Kinds of the id ledger: which object on one side is which on the other. */
final class Ledger {

    /** QuickBooks Online customer id → GoCardless customer id. */
    static final String CUSTOMER = "qbo-customer";
    /** QuickBooks Online invoice id → the GoCardless payment collecting it. */
    static final String INVOICE_PAYMENT = "qbo-invoice";
    /** GoCardless payment id → the QuickBooks Online Payment recording it. */
    static final String PAYMENT = "gc-payment";
    /** GoCardless refund id → the QuickBooks Online RefundReceipt. */
    static final String REFUND = "gc-refund";
    /** GoCardless payout id → the QuickBooks Online Deposit. */
    static final String PAYOUT = "gc-payout";

    private Ledger() {
    }
}
