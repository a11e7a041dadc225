package io.mlconnector.connectors.qbogocardless;

import io.mlconnector.api.oauth.ClientAuthentication;
import io.mlconnector.api.oauth.OAuthCredential;
import io.mlconnector.api.oauth.OAuthEnvironment;
import io.mlconnector.api.oauth.RevokeStyle;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.ScheduleSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.api.spec.WebhookSource;
import io.mlconnector.systems.qbo.QboEnvironment;
import java.time.Duration;
import java.util.List;

/** What this connector is and what a connection needs, for the platform's forms and schedules. */
final class QboGoCardlessSpec {

    static final String ID = "qbo-gocardless";
    static final String VERSION = "0.1.0";
    static final String QBO = "quickbooks-online";
    static final String GOCARDLESS = "gocardless";
    static final String POLL_GOCARDLESS = "poll-gocardless-events";
    static final String QBO_CHANGES = "quickbooks-online-changes";
    static final String QBO_LISTS = "quickbooks-online-lists";
    static final String LIST_ACCOUNTS = "qbo-accounts";
    static final String LIST_PAYMENT_METHODS = "qbo-payment-methods";
    static final String LIST_ITEMS = "qbo-items";

    private QboGoCardlessSpec() {
    }

    static ConnectorSpec build() {
        OAuthCredential intuit = OAuthCredential.authorizationCode("intuit",
                        "https://appcenter.intuit.com/connect/oauth2",
                        "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer")
                .scopes("com.intuit.quickbooks.accounting")
                .clientAuthentication(ClientAuthentication.BASIC)
                .revokeUrl("https://developer.api.intuit.com/v2/oauth2/tokens/revoke", RevokeStyle.JSON)
                .keeping("realmId")
                .environments(
                        new OAuthEnvironment("production", "QuickBooks Online", QboEnvironment.PRODUCTION.baseUrl()),
                        new OAuthEnvironment("sandbox", "QuickBooks Online sandbox company", QboEnvironment.SANDBOX.baseUrl()));
        SystemSpec quickBooks = SystemSpec.oauth(QBO, "QuickBooks Online", intuit,
                CredentialField.secret(Keys.QBO_VERIFIER_TOKEN, "Webhook verifier token",
                        "Only when you use your own Intuit app: its webhook verifier token (Intuit developer portal → "
                                + "your app → Webhooks). Without it, changes arrive by the regular change poll.").optional());
        SystemSpec goCardless = SystemSpec.of(GOCARDLESS, "GoCardless",
                CredentialField.secret(Keys.GC_ACCESS_TOKEN, "Access token",
                                "In GoCardless: Developers → Create → Access token, with read-write access.")
                        .matching("(live|sandbox)_[A-Za-z0-9_\\-]{8,}"),
                CredentialField.secret(Keys.GC_WEBHOOK_SECRET, "Webhook endpoint secret",
                        "Shown when you create the webhook endpoint in GoCardless. While you rotate it, enter the old "
                                + "and the new secret separated by a comma.").optional());
        return new ConnectorSpec(ID, VERSION, "QuickBooks Online ↔ GoCardless",
                "Unpaid QuickBooks Online invoices of customers with a Direct Debit mandate are collected by "
                        + "GoCardless on their due date; each collection becomes a payment linked to its invoice, "
                        + "failures and charge-backs reopen the invoice, refunds become refund receipts, and each "
                        + "payout becomes a bank deposit equal to the payout.",
                List.of(quickBooks, goCardless), settings(), webhooks(), schedules());
    }

    private static List<SettingField> settings() {
        return List.of(
                SettingField.choice(Keys.GC_ENVIRONMENT, "GoCardless environment",
                        "Live collects real money; sandbox is GoCardless's test environment.", "live", "live", "sandbox"),
                SettingField.flag(Keys.COLLECT_INVOICES, "Collect unpaid invoices with GoCardless",
                        "Creates one GoCardless payment per unpaid invoice of a customer with an active mandate, "
                                + "charged on the invoice's due date.", true),
                SettingField.choice(Keys.POST_WHEN, "Record payments in QuickBooks when",
                        "confirmed: as soon as GoCardless confirms the collection; paid_out: when it is paid out.",
                        "confirmed", "confirmed", "paid_out"),
                new SettingField(Keys.DEPOSIT_ACCOUNT, "Deposit payments to",
                        "Leave empty for Undeposited Funds, so each payout becomes one deposit matching your bank.",
                        SettingField.Type.TEXT, false, null, List.of()).offering(LIST_ACCOUNTS, QBO),
                optional(Keys.BANK_ACCOUNT, "Bank account for payouts",
                        "The QuickBooks Online bank account GoCardless pays out to.").offering(LIST_ACCOUNTS, QBO),
                optional(Keys.FEE_ACCOUNT, "Account for GoCardless fees",
                        "The expense account each payout's fees are booked to, as one negative deposit line.")
                        .offering(LIST_ACCOUNTS, QBO),
                optional(Keys.CLEARING_ACCOUNT, "GoCardless clearing account",
                        "Refunds are paid from it and payout items other than payments and fees settle on it.")
                        .offering(LIST_ACCOUNTS, QBO),
                optional(Keys.REFUND_ITEM, "Item for refunds",
                        "The service or other-charge item named on each refund receipt.").offering(LIST_ITEMS, QBO),
                new SettingField(Keys.PAYMENT_METHOD, "Payment method",
                        "The QuickBooks Online payment method shown on each payment; empty for none.",
                        SettingField.Type.TEXT, false, null, List.of()).offering(LIST_PAYMENT_METHODS, QBO));
    }

    /** Offered from the company's lists, which exist only once QuickBooks Online is connected: not required to save. */
    private static SettingField optional(String key, String label, String help) {
        return new SettingField(key, label, help, SettingField.Type.TEXT, false, null, List.of());
    }

    private static List<WebhookSource> webhooks() {
        return List.of(
                new WebhookSource(GOCARDLESS, "GoCardless", Keys.GC_WEBHOOK_SECRET,
                        "In GoCardless: Developers → Create → Webhook endpoint; paste this URL, then copy the "
                                + "endpoint's secret into the connection's \"Webhook endpoint secret\"."),
                new WebhookSource(QBO, "QuickBooks Online", Keys.QBO_VERIFIER_TOKEN,
                        "Only with your own Intuit app: in the Intuit developer portal, your app → Webhooks, paste "
                                + "this URL and tick Customer and Invoice; copy the verifier token into the connection."));
    }

    private static List<ScheduleSpec> schedules() {
        return List.of(
                new ScheduleSpec(QBO_CHANGES, Duration.ofMinutes(10),
                        "Reads QuickBooks Online customers and invoices changed since the last read (change data "
                                + "capture), catching anything a webhook missed"),
                new ScheduleSpec(POLL_GOCARDLESS, Duration.ofMinutes(5),
                        "Reads new GoCardless events, catching anything a webhook missed"),
                new ScheduleSpec(QBO_LISTS, Duration.ofHours(1),
                        "Reads the company's accounts, payment methods and items for the settings that name them"));
    }
}
