package io.mlconnector.connectors.qbdgocardless;

/** The stable keys of this connector's credentials and settings: stored data, never rename them. */
final class Keys {

    static final String ACCESS_TOKEN = "gocardless_access_token";
    static final String WEBHOOK_SECRET = "gocardless_webhook_secret";

    static final String ENVIRONMENT = "gocardless_environment";
    static final String POSTING_MOMENT = "posting_moment";
    static final String DEPOSIT_ACCOUNT = "deposit_account";
    static final String BANK_ACCOUNT = "bank_account";
    static final String FEE_ACCOUNT = "fee_account";
    static final String CLEARING_ACCOUNT = "clearing_account";
    static final String PAYMENT_METHOD = "payment_method";
    static final String AR_ACCOUNT = "ar_account";
    static final String REFUND_ITEM = "refund_item";
    static final String BOOKS_CURRENCY = "books_currency";
    static final String REVERSE_FLOW = "reverse_flow";
    static final String EVENT_SOURCE = "event_source";
    static final String QBWC_RUN_EVERY_MINUTES = "qbwc_run_every_minutes";

    private Keys() {
    }
}
