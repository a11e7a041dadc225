package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.oauth.OAuthCredential;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.ScheduleSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.api.spec.WebhookSource;
import java.time.Duration;
import java.util.List;

/** What the FreshBooks ↔ GoCardless connector needs and offers. */
final class FreshBooksGoCardlessSpec {

    static final String ID = "freshbooks-gocardless";

    private FreshBooksGoCardlessSpec() {
    }

    static ConnectorSpec build() {
        OAuthCredential freshbooks = OAuthCredential.authorizationCode("freshbooks",
                        "https://auth.freshbooks.com/oauth/authorize", "https://api.freshbooks.com/auth/oauth/token")
                .scopes("user:profile:read", "user:clients:read", "user:invoices:read", "user:payments:read",
                        "user:payments:write", "user:expenses:read", "user:expenses:write");
        SystemSpec books = SystemSpec.oauth(Keys.FRESHBOOKS, "FreshBooks", freshbooks);
        SystemSpec payments = SystemSpec.of(Keys.GOCARDLESS, "GoCardless",
                CredentialField.secret(Keys.GC_TOKEN, "GoCardless access token",
                        "GoCardless dashboard → Developers → Create → Access token (read-write)."),
                CredentialField.secret(Keys.GC_WEBHOOK_SECRET, "GoCardless webhook secret",
                        "GoCardless dashboard → Developers → Webhook endpoints: the secret of the endpoint you create "
                                + "with this connection's GoCardless address."));
        return new ConnectorSpec(ID, "1.0.0", "FreshBooks ↔ GoCardless",
                "Sent FreshBooks invoices are collected by GoCardless Direct Debit; collections, failures, refunds and "
                        + "payout fees are recorded back in FreshBooks.",
                List.of(books, payments),
                List.of(SettingField.choice(Keys.GC_ENVIRONMENT, "GoCardless environment",
                                "Live collects real money; sandbox is GoCardless's test environment.", "live", "live", "sandbox"),
                        SettingField.choice(Keys.PAYMENT_TYPE, "FreshBooks payment type",
                                "How collected payments are recorded on FreshBooks invoices.", "Bank Transfer",
                                "Bank Transfer", "ACH", "Debit", "Other"),
                        SettingField.text(Keys.FEE_CATEGORY, "Expense category for GoCardless fees",
                                        "Each payout's GoCardless fees are recorded as one FreshBooks expense in this category; "
                                                + "when empty, the category named Bank Fees.", "")
                                .offering(Keys.FEE_CATEGORIES, Keys.FRESHBOOKS)),
                List.of(new WebhookSource(Keys.FRESHBOOKS, "FreshBooks", Keys.VERIFIERS,
                                "Nothing to paste: after you connect FreshBooks, the connector registers this address for "
                                        + "invoice and client events and completes FreshBooks' verification itself."),
                        new WebhookSource(Keys.GOCARDLESS, "GoCardless", Keys.GC_WEBHOOK_SECRET,
                                "GoCardless dashboard → Developers → Create → Webhook endpoint: paste this address, then "
                                        + "save the endpoint's secret under Credentials.")),
                List.of(new ScheduleSpec(Keys.POLL_INVOICES, Duration.ofMinutes(15),
                                "Reads FreshBooks invoices updated since the last run, in case a webhook was late or lost"),
                        new ScheduleSpec(Keys.KEEP_CALLBACKS, Duration.ofHours(1),
                                "Checks the FreshBooks webhooks are registered and verified, registering them again if gone; "
                                        + "refreshes the expense categories"),
                        new ScheduleSpec(Keys.POLL_GOCARDLESS, Duration.ofMinutes(15),
                                "Reads GoCardless events since the last run, in case a webhook was late or lost")));
    }
}
