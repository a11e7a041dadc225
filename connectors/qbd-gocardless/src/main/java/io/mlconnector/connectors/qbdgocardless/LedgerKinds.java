package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;

/**
 * The kinds this connector keeps in the id ledger. The first five say which GoCardless object is
 * which QuickBooks object; the "awaiting" kinds remember work that waits for something else (a
 * payment to reach QuickBooks, a customer to be found), so it resumes the moment that is done.
 */
final class LedgerKinds {

    /** GoCardless customer id → QuickBooks customer ListID. */
    static final String CUSTOMER = "customer";
    /** GoCardless payment id → ReceivePayment TxnID. */
    static final String PAYMENT = "payment";
    /** GoCardless refund id → ARRefundCreditCard TxnID. */
    static final String REFUND = "refund";
    /** GoCardless refund id → the CreditMemo TxnID the refund draws on. */
    static final String REFUND_CREDIT = "refund-credit";
    /** GoCardless payout id → Deposit TxnID. */
    static final String PAYOUT = "payout";
    /** QuickBooks invoice TxnID → GoCardless payment id that collects it (reverse flow). */
    static final String INVOICE_COLLECTION = "invoice-collection";
    /** GoCardless refund id → the payment id it waits for (to be posted in QuickBooks). */
    static final String REFUND_AWAITING_PAYMENT = "refund-awaiting-payment";
    /** GoCardless payment id → the payout id waiting for it to be posted. */
    static final String PAYOUT_AWAITING_PAYMENT = "payout-awaiting-payment";
    /** GoCardless mandate id → GoCardless customer id (kept by {@link GoCardlessCalls#payment}). */
    static final String MANDATE_CUSTOMER = GoCardlessCalls.MANDATE_CUSTOMER;
    /** GoCardless payment id → the GoCardless customer id whose QuickBooks customer it waits for. */
    static final String PAYMENT_AWAITING_CUSTOMER = "payment-awaiting-customer";

    private LedgerKinds() {
    }
}
