package io.mlconnector.connectors.freshbooksgocardless;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The names this connector stores things under: credentials, settings, ledger kinds, cursors, lists. */
final class Keys {

    private Keys() {
    }

    // systems, which are also the webhook sources
    static final String FRESHBOOKS = "freshbooks";
    static final String GOCARDLESS = "gocardless";

    // credentials
    static final String GC_TOKEN = "gocardless_access_token";
    static final String GC_WEBHOOK_SECRET = "gocardless_webhook_secret";
    /** The verifiers of this connection's verified FreshBooks callbacks (the HMAC keys), whitespace-separated. */
    static final String VERIFIERS = "freshbooks_webhook_verifiers";

    /** A verifier FreshBooks posted in a handshake, kept until FreshBooks accepts it back. */
    static String pendingVerifier(String callbackId) {
        return "freshbooks_pending_verifier." + callbackId;
    }

    // settings
    static final String GC_ENVIRONMENT = "gocardless_environment";
    static final String PAYMENT_TYPE = "freshbooks_payment_type";
    static final String FEE_CATEGORY = "fee_expense_category";

    // values kept with the FreshBooks grant
    static final String ACCOUNT_ID = "account_id";
    static final String BUSINESS_ID = "business_id";
    static final String USER_ID = "user_id";

    // ledger kinds
    static final String CLIENT_CUSTOMER = "client-customer";
    static final String INVOICE_PAYMENT = "invoice-payment";
    static final String PAYMENT_POSTED = "payment-posted";
    static final String REFUND_POSTED = "refund-posted";
    static final String PAYOUT_EXPENSE = "payout-expense";
    static final String CLIENT_BILLING_REQUEST = "client-billing-request";
    static final String LINK_ANNOUNCED = "billing-request-announced";
    static final String CALLBACK = "freshbooks-callback";
    static final String CALLBACK_VERIFIER = "freshbooks-callback-verifier";

    /** The answer to "which GoCardless customer is this client?" meaning "none yet: ask them for a mandate". */
    static final String NEW_PAYER = "new";

    // sync record kinds
    static final String INVOICE = "invoice";
    static final String PAYMENT = "payment";
    static final String REFUND = "refund";
    static final String PAYOUT = "payout";

    // cursors, pick lists, schedules
    static final String INVOICE_CURSOR = "freshbooks.invoices.updated_min";
    static final String GC_CUSTOMERS = "gocardless-customers";
    static final String FEE_CATEGORIES = "freshbooks-expense-categories";
    static final String CALLBACKS = "freshbooks-callbacks";
    static final String POLL_INVOICES = "freshbooks-invoices";
    static final String KEEP_CALLBACKS = "freshbooks-callbacks";
    static final String POLL_GOCARDLESS = "gocardless-events";

    /** A short one-way fingerprint of a secret, to recognise it without storing it in the clear. */
    static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
