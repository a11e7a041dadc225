package io.mlconnector.connectors.qbdzuora;

/** This pair's own setting keys, ledger kinds and sync record kinds (Zuora's own are in ZuoraFields). */
final class Keys {

    static final String DEFAULT_ITEM = "default_item";
    static final String CHARGE_ITEMS = "charge_items";
    static final String BILL_CYCLE_DAY = "bill_cycle_day";
    static final String DEPOSIT_ACCOUNT = "deposit_account";
    static final String PAYMENT_METHOD = "payment_method";
    static final String CUSTOMERS_TO_ZUORA = "customers_to_zuora";
    static final String CURRENCY = "currency";
    /** Read by the platform to write the .qwc file's schedule. */
    static final String QBWC_RUN_EVERY_MINUTES = "qbwc_run_every_minutes";

    /** Zuora account id → QuickBooks customer ListID (written when we create the account, or a person's answer). */
    static final String ACCOUNT_CUSTOMER = "zuora-account-customer";
    /** QuickBooks customer ListID → Zuora account id. */
    static final String CUSTOMER_ACCOUNT = "qbd-customer-zuora-account";
    /** Zuora invoice id → QuickBooks invoice TxnID. */
    static final String INVOICE = "zuora-invoice";
    /** Zuora payment id → QuickBooks ReceivePayment TxnID. */
    static final String PAYMENT = "zuora-payment";

    static final String RECORD_INVOICE = "invoice";
    static final String RECORD_PAYMENT = "payment";
    static final String RECORD_REFUND = "refund";
    static final String RECORD_CUSTOMER = "customer";

    static final String SCHEDULE_POLL = "zuora-poll";
    static final String SCHEDULE_CUSTOMERS = "customers-to-zuora";
    static final String SCHEDULE_LISTS = "quickbooks-lists";

    private Keys() {
    }
}
