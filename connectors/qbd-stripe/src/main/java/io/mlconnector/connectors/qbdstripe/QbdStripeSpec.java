package io.mlconnector.connectors.qbdstripe;

import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.ScheduleSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.api.spec.WebhookSource;
import io.mlconnector.systems.qbd.lists.AccountPurpose;
import io.mlconnector.systems.qbd.lists.SettingLists;
import io.mlconnector.systems.stripe.StripePermission;
import io.mlconnector.systems.stripe.connector.StripeClients;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What this connector is and what a connection needs, for the platform's forms and schedules. */
final class QbdStripeSpec {

    static final String ID = "qbd-stripe";
    static final String VERSION = "0.1.0";
    static final String WEBHOOK_SOURCE = "stripe";
    static final String QUICKBOOKS_CUSTOMERS = "quickbooks-customers";
    static final String QUICKBOOKS_LISTS = "quickbooks-lists";
    static final String QUICKBOOKS = "quickbooks-desktop";
    static final int DEFAULT_QBWC_MINUTES = 15;
    static final String DEFAULT_CLEARING_ACCOUNT = "Stripe Clearing";
    static final String DEFAULT_REFUND_ITEM = "Stripe Refund";

    /** The Stripe events this connector acts on; each only says "read this object again". */
    static final Set<String> EVENTS = Set.of("payment_intent.succeeded", "charge.succeeded", "charge.refunded",
            "refund.created", "refund.updated", "refund.failed", "charge.dispute.created", "charge.dispute.updated",
            "charge.dispute.funds_withdrawn", "charge.dispute.closed", "payout.paid", "payout.failed");

    /** What the key must be allowed to read; "Test connection" tries each. */
    static final Set<StripePermission> READS = EnumSet.of(StripePermission.CUSTOMERS_READ,
            StripePermission.PAYMENT_INTENTS_READ, StripePermission.CHARGES_READ, StripePermission.REFUNDS_READ,
            StripePermission.DISPUTES_READ, StripePermission.INVOICES_READ, StripePermission.PAYOUTS_READ,
            StripePermission.BALANCE_READ);

    private QbdStripeSpec() {
    }

    static ConnectorSpec build() {
        SystemSpec stripe = SystemSpec.of(StripeClients.SYSTEM, "Stripe",
                CredentialField.secret(Keys.API_KEY, "Stripe API key",
                                "In Stripe: Developers → API keys. A secret key (sk_live_… or sk_test_…), or a "
                                        + "restricted key (rk_…) that may read customers, payments, charges, "
                                        + "refunds, disputes, invoices, payouts and balance transaction sources. "
                                        + "A test key puts the connection in test mode.")
                        .matching("(sk|rk)_(test|live)_[A-Za-z0-9]{8,}"),
                CredentialField.secret(Keys.WEBHOOK_SECRET, "Webhook signing secret",
                                "Shown on the webhook endpoint's page in Stripe (whsec_…). While you roll it, enter "
                                        + "the old and the new secret separated by a comma.")
                        .optional());
        SystemSpec quickBooks = SystemSpec.webConnector(QUICKBOOKS, "QuickBooks Desktop");
        return new ConnectorSpec(ID, VERSION, "QuickBooks Desktop ↔ Stripe",
                "Each Stripe card or bank payment becomes a payment in QuickBooks Desktop, applied to the "
                        + "customer's invoice; refunds follow, disputes are flagged, and each payout becomes one "
                        + "bank deposit equal to it, with Stripe's fees on their own line.",
                List.of(stripe, quickBooks), settings(), List.of(webhook()), schedules());
    }

    private static List<SettingField> settings() {
        return List.of(
                SettingField.text(Keys.DEPOSIT_ACCOUNT, "Deposit payments to",
                        "The QuickBooks account received payments go to. Keep Undeposited Funds so each payout "
                                + "becomes one deposit that matches your bank statement.",
                        ConnectionSettings.UNDEPOSITED_FUNDS).offering(AccountPurpose.DEPOSIT.pickList(), QUICKBOOKS),
                SettingField.text(Keys.BANK_ACCOUNT, "Bank account for payouts",
                        "The QuickBooks bank account Stripe pays out to.", null)
                        .offering(AccountPurpose.PAYOUT_BANK.pickList(), QUICKBOOKS),
                SettingField.text(Keys.FEE_ACCOUNT, "Account for Stripe fees",
                        "The expense account the fees of each payout are booked to.", null)
                        .offering(AccountPurpose.FEES.pickList(), QUICKBOOKS),
                SettingField.text(Keys.CLEARING_ACCOUNT, "Stripe clearing account",
                        "An Other Current Asset account that refunds are paid from and that payouts settle, "
                                + "including disputed amounts Stripe withdraws.", DEFAULT_CLEARING_ACCOUNT)
                        .offering(AccountPurpose.CLEARING.pickList(), QUICKBOOKS),
                SettingField.text(Keys.PAYMENT_METHOD, "Payment method",
                        "The QuickBooks payment method shown on each payment (create it in QuickBooks first). "
                                + "Leave empty for none.", "Stripe").offering(SettingLists.PAYMENT_METHODS, QUICKBOOKS),
                new SettingField(Keys.AR_ACCOUNT, "Accounts receivable account",
                        "Only if your invoices use another A/R account than the default one.",
                        SettingField.Type.TEXT, false, null, List.of())
                        .offering(AccountPurpose.RECEIVABLES.pickList(), QUICKBOOKS),
                SettingField.text(Keys.REFUND_ITEM, "Item for refunds",
                        "The QuickBooks service, other charge or non-inventory item used on the credit memo behind "
                                + "each refund.", DEFAULT_REFUND_ITEM).offering(SettingLists.REFUND_ITEMS, QUICKBOOKS),
                new SettingField(Keys.BOOKS_CURRENCY, "Currency of the books",
                        "E.g. USD. When set, payments in other currencies are held for you instead of posted. "
                                + "Leave empty when QuickBooks multicurrency handles them.",
                        SettingField.Type.TEXT, false, null, List.of()),
                SettingField.number(Keys.QBWC_RUN_EVERY_MINUTES, "Web Connector runs every (minutes)",
                        "Written into the .qwc file: how often QuickBooks picks up new work.", DEFAULT_QBWC_MINUTES));
    }

    private static WebhookSource webhook() {
        return new WebhookSource(WEBHOOK_SOURCE, "Stripe", Keys.WEBHOOK_SECRET,
                "In Stripe go to Developers → Webhooks → Add endpoint, paste this URL, choose the events "
                        + String.join(", ", EVENTS.stream().sorted().toList()) + ", add it, then reveal its "
                        + "signing secret and copy it into the connection's \"Webhook signing secret\".");
    }

    private static List<ScheduleSpec> schedules() {
        return List.of(
                new ScheduleSpec(QUICKBOOKS_CUSTOMERS, Duration.ofMinutes(15),
                        "Reads the QuickBooks customers changed since the last read, for the list people pick "
                                + "from when a Stripe customer matches none"),
                new ScheduleSpec(QUICKBOOKS_LISTS, Duration.ofMinutes(60),
                        "Reads QuickBooks' accounts, payment methods and items, for the settings that name them"));
    }
}
