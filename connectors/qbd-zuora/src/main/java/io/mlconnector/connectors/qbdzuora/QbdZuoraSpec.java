package io.mlconnector.connectors.qbdzuora;

import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.ScheduleSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.api.spec.WebhookSource;
import io.mlconnector.systems.qbd.customers.CustomerPickList;
import io.mlconnector.systems.qbd.lists.AccountPurpose;
import io.mlconnector.systems.qbd.lists.SettingLists;
import io.mlconnector.systems.zuora.callout.CalloutSetup;
import io.mlconnector.systems.zuora.connector.ZuoraFields;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the QuickBooks Desktop ↔ Zuora connector needs and offers. */
final class QbdZuoraSpec {

    static final String ID = "qbd-zuora";
    static final String BOOKS = "quickbooks-desktop";

    private QbdZuoraSpec() {
    }

    static ConnectorSpec spec() {
        List<SettingField> settings = new ArrayList<>(ZuoraFields.settings());
        settings.add(SettingField.text(Keys.DEFAULT_ITEM, "QuickBooks item for invoice lines",
                "The item a Zuora invoice line becomes when no charge below names one.", null)
                .offering(SettingLists.REFUND_ITEMS, BOOKS));
        settings.add(SettingField.text(Keys.CHARGE_ITEMS, "Item per Zuora charge",
                "Optional, one per line: Zuora charge name = QuickBooks item, e.g. \"Pro plan = Subscriptions\".", ""));
        settings.add(SettingField.text(Keys.DEPOSIT_ACCOUNT, "Deposit Zuora payments to",
                "The QuickBooks account payments go into; empty: Undeposited Funds.", "")
                .offering(AccountPurpose.DEPOSIT.pickList(), BOOKS));
        settings.add(SettingField.text(Keys.PAYMENT_METHOD, "Payment method",
                "The QuickBooks payment method recorded with Zuora payments; empty: none.", "")
                .offering(SettingLists.PAYMENT_METHODS, BOOKS));
        settings.add(SettingField.number(Keys.BILL_CYCLE_DAY, "Bill cycle day of new Zuora accounts",
                "The day of the month Zuora bills an account created from a QuickBooks customer.", 1));
        settings.add(SettingField.number(Keys.QBWC_RUN_EVERY_MINUTES, "Web Connector runs every (minutes)",
                "How often the Web Connector calls, written into the .qwc file; download it again after a change.", 15));
        settings.add(SettingField.text(Keys.CURRENCY, "Currency of new Zuora accounts",
                "For customers without a currency of their own in QuickBooks (three letters, e.g. USD).", "USD"));
        settings.add(SettingField.flag(Keys.CUSTOMERS_TO_ZUORA, "Create Zuora accounts from QuickBooks customers",
                "New and changed QuickBooks customers become Zuora accounts; the Zuora account number is written "
                        + "to the customer's Account No.", true));
        return new ConnectorSpec(ID, "0.1.0", "QuickBooks Desktop ↔ Zuora",
                "QuickBooks customers become Zuora accounts; Zuora's invoices, payments and refunds are recorded in "
                        + "QuickBooks Desktop through the Web Connector, each once.",
                List.of(SystemSpec.webConnector(BOOKS, "QuickBooks Desktop"),
                        new SystemSpec(ZuoraFields.SYSTEM, "Zuora", ZuoraFields.credentials(), false)),
                settings,
                List.of(new WebhookSource(ZuoraFields.SYSTEM, "Zuora callouts", ZuoraFields.HMAC_KEY, CalloutSetup.instructions())),
                List.of(new ScheduleSpec(Keys.SCHEDULE_POLL, Duration.ofMinutes(15),
                                "Reads Zuora invoices, payments and refunds changed since the last read, in case a callout was lost"),
                        new ScheduleSpec(Keys.SCHEDULE_CUSTOMERS, Duration.ofMinutes(15),
                                "Reads QuickBooks customers changed since the last read and brings their Zuora accounts up to date"),
                        new ScheduleSpec(Keys.SCHEDULE_LISTS, Duration.ofHours(6),
                                "Reads QuickBooks' accounts, payment methods and items for the settings")));
    }

    /** For the pick list question of an account no customer is known for. */
    static String customerList() {
        return CustomerPickList.NAME;
    }
}
