package io.mlconnector.connectors.qbogocardless;

/** Credential and setting keys of a QuickBooks Online ↔ GoCardless connection. */
final class Keys {

    static final String GC_ACCESS_TOKEN = "access_token";
    static final String GC_WEBHOOK_SECRET = "webhook_secret";
    static final String QBO_VERIFIER_TOKEN = "qbo_webhook_verifier_token";

    static final String GC_ENVIRONMENT = "gocardless_environment";
    static final String COLLECT_INVOICES = "collect_invoices";
    static final String POST_WHEN = "post_payments_when";
    static final String DEPOSIT_ACCOUNT = "deposit_account";
    static final String BANK_ACCOUNT = "payout_bank_account";
    static final String FEE_ACCOUNT = "fee_account";
    static final String CLEARING_ACCOUNT = "clearing_account";
    static final String REFUND_ITEM = "refund_item";
    static final String PAYMENT_METHOD = "payment_method";

    private Keys() {
    }
}
