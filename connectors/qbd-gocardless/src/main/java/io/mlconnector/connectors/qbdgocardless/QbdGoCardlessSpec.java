package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.qbd.lists.SettingLists;
import io.mlconnector.systems.qbd.lists.AccountPurpose;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.ScheduleSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.api.spec.WebhookSource;

import java.time.Duration;
import java.util.List;

/** What this connector is and what a connection needs, for the platform's forms and schedules. */
final class QbdGoCardlessSpec {

    static final String ID = "qbd-gocardless";
    static final String VERSION = "0.1.0";
    static final String WEBHOOK_SOURCE = "gocardless";
    static final String POLL_EVENTS = "poll-events";
    static final String REVERSE_FLOW = "reverse-flow";
    static final String QUICKBOOKS_CUSTOMERS = "quickbooks-customers";
    static final String QUICKBOOKS_LISTS = "quickbooks-lists";
    /** The QuickBooks Desktop side's id in the spec: the system the settings' lists are read from. */
    static final String QUICKBOOKS = "quickbooks-desktop";
    static final int DEFAULT_QBWC_MINUTES = 15;
    static final String DEFAULT_CLEARING_ACCOUNT = "GoCardless Clearing";
    static final String DEFAULT_REFUND_ITEM = "GoCardless Refund";

    private QbdGoCardlessSpec() {
    }

    static ConnectorSpec build() {
        SystemSpec goCardless = SystemSpec.of("gocardless", "GoCardless",
                CredentialField.secret(Keys.ACCESS_TOKEN, "Access token",
                                "In GoCardless: Developers → Create → Access token, with read-write access. "
                                        + "Live tokens start with live_, sandbox tokens with sandbox_.")
                        .matching("(live|sandbox)_[A-Za-z0-9_\\-]{8,}"),
                CredentialField.secret(Keys.WEBHOOK_SECRET, "Webhook endpoint secret",
                                "Shown when you create the webhook endpoint in GoCardless (Developers → Create → "
                                        + "Webhook endpoint). While you rotate it, enter the old and the new secret "
                                        + "separated by a comma.")
                        .optional());
        SystemSpec quickBooks = SystemSpec.webConnector(QUICKBOOKS, "QuickBooks Desktop");
        return new ConnectorSpec(ID, VERSION, "QuickBooks Desktop ↔ GoCardless",
                "Each GoCardless collection becomes a payment in QuickBooks Desktop, applied to the customer's "
                        + "invoice; refunds, failures and charge-backs follow, and each payout becomes a bank "
                        + "deposit with the GoCardless fees on their own line.",
                List.of(goCardless, quickBooks), settings(), List.of(webhook()), schedules());
    }

    private static List<SettingField> settings() {
        return List.of(
                SettingField.choice(Keys.ENVIRONMENT, "GoCardless environment",
                        "Live collects real money; sandbox is GoCardless's test environment.", "live",
                        "live", "sandbox"),
                SettingField.choice(Keys.POSTING_MOMENT, "Record payments when",
                        "confirmed: as soon as GoCardless confirms the collection; paid_out: when GoCardless pays "
                                + "it out to your bank.", PostingMoment.CONFIRMED.value(),
                        PostingMoment.CONFIRMED.value(), PostingMoment.PAID_OUT.value()),
                SettingField.text(Keys.DEPOSIT_ACCOUNT, "Deposit payments to",
                        "The QuickBooks account received payments go to. Keep Undeposited Funds so each payout "
                                + "becomes one deposit that matches your bank statement.",
                        ConnectionSettings.UNDEPOSITED_FUNDS).offering(AccountPurpose.DEPOSIT.pickList(), QUICKBOOKS),
                SettingField.text(Keys.BANK_ACCOUNT, "Bank account for payouts",
                        "The QuickBooks bank account GoCardless pays out to.", null)
                        .offering(AccountPurpose.PAYOUT_BANK.pickList(), QUICKBOOKS),
                SettingField.text(Keys.FEE_ACCOUNT, "Account for GoCardless fees",
                        "The expense account the fees of each payout are booked to.", null)
                        .offering(AccountPurpose.FEES.pickList(), QUICKBOOKS),
                SettingField.text(Keys.CLEARING_ACCOUNT, "GoCardless clearing account",
                        "An Other Current Asset account that refunds are paid from and that payouts settle, "
                                + "including charge-backs GoCardless deducts.", DEFAULT_CLEARING_ACCOUNT)
                        .offering(AccountPurpose.CLEARING.pickList(), QUICKBOOKS),
                SettingField.text(Keys.PAYMENT_METHOD, "Payment method",
                        "The QuickBooks payment method shown on each payment (create it in QuickBooks first). "
                                + "Leave empty for none.", "GoCardless").offering(SettingLists.PAYMENT_METHODS, QUICKBOOKS),
                new SettingField(Keys.AR_ACCOUNT, "Accounts receivable account",
                        "Only if your invoices use another A/R account than the default one.",
                        SettingField.Type.TEXT, false, null, List.of()).offering(AccountPurpose.RECEIVABLES.pickList(), QUICKBOOKS),
                SettingField.text(Keys.REFUND_ITEM, "Item for refunds",
                        "The QuickBooks service, other charge or non-inventory item used on the credit memo behind "
                                + "each refund.", DEFAULT_REFUND_ITEM).offering(SettingLists.REFUND_ITEMS, QUICKBOOKS),
                new SettingField(Keys.BOOKS_CURRENCY, "Currency of the books",
                        "E.g. GBP. When set, payments in other currencies are held for you instead of posted. "
                                + "Leave empty when QuickBooks multicurrency handles them.",
                        SettingField.Type.TEXT, false, null, List.of()),
                SettingField.flag(Keys.REVERSE_FLOW, "Collect open QuickBooks invoices with GoCardless",
                        "Creates a GoCardless payment, due on the invoice's due date, for each open invoice of a "
                                + "customer with an active mandate.", false),
                SettingField.choice(Keys.EVENT_SOURCE, "Receive GoCardless events by",
                        "webhooks: GoCardless calls this connection's webhook URL; polling: the connection reads "
                                + "GoCardless's event list every few minutes; both: webhooks, with polling to "
                                + "catch anything missed.", EventSource.WEBHOOKS.value(),
                        EventSource.WEBHOOKS.value(), EventSource.POLLING.value(), EventSource.BOTH.value()),
                SettingField.number(Keys.QBWC_RUN_EVERY_MINUTES, "Web Connector runs every (minutes)",
                        "Written into the .qwc file: how often QuickBooks picks up new work.",
                        DEFAULT_QBWC_MINUTES));
    }

    private static WebhookSource webhook() {
        return new WebhookSource(WEBHOOK_SOURCE, "GoCardless", Keys.WEBHOOK_SECRET,
                "In GoCardless go to Developers → Create → Webhook endpoint (or Developers → API settings → "
                        + "Create → Webhook endpoint), paste this URL, leave the secret empty, create it, then open "
                        + "the endpoint and copy its secret into the connection's \"Webhook endpoint secret\".");
    }

    private static List<ScheduleSpec> schedules() {
        return List.of(
                new ScheduleSpec(POLL_EVENTS, Duration.ofMinutes(5),
                        "Reads new GoCardless events when the connection receives events by polling"),
                new ScheduleSpec(REVERSE_FLOW, Duration.ofHours(1),
                        "Collects open QuickBooks invoices with GoCardless, when that is switched on"),
                // Due when a Web Connector session starts, the platform runs it first: its query goes out then.
                new ScheduleSpec(QUICKBOOKS_CUSTOMERS, Duration.ofMinutes(15),
                        "Reads the QuickBooks customers changed since the last read, for the list people pick "
                                + "from when a GoCardless customer matches none"),
                // Likewise read in the session in which it falls due; short lists, replaced whole each time.
                new ScheduleSpec(QUICKBOOKS_LISTS, Duration.ofMinutes(60),
                        "Reads QuickBooks' accounts, payment methods and items, for the settings that name them"));
    }
}
