package io.mlconnector.connectors.qbdstripe;

/** The stable keys of this connector's credentials and settings: stored data, never rename them. */
final class Keys {

    static final String API_KEY = "stripe_api_key";
    static final String WEBHOOK_SECRET = "stripe_webhook_secret";

    static final String DEPOSIT_ACCOUNT = "deposit_account";
    static final String BANK_ACCOUNT = "bank_account";
    static final String FEE_ACCOUNT = "fee_account";
    static final String CLEARING_ACCOUNT = "clearing_account";
    static final String PAYMENT_METHOD = "payment_method";
    static final String AR_ACCOUNT = "ar_account";
    static final String REFUND_ITEM = "refund_item";
    static final String BOOKS_CURRENCY = "books_currency";
    static final String QBWC_RUN_EVERY_MINUTES = "qbwc_run_every_minutes";

    private Keys() {
    }
}
