package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.SettingField;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec gives the platform what it needs for forms, webhook URLs, the .qwc file and schedules. */
class SpecTest {

    private final ConnectorSpec spec = new QbdGoCardlessConnector().spec();

    @Test
    void goCardlessCredentialsAreSecretAndTheTokenIsCheckedForItsShape() {
        CredentialField token = spec.credential(Keys.ACCESS_TOKEN).orElseThrow();
        assertTrue(token.secret() && token.required());
        assertTrue("sandbox_AbC123-xyz_789".matches(token.pattern()));
        assertTrue("live_AbC123xyz789".matches(token.pattern()));
        assertFalse("sk_test_123456789".matches(token.pattern()));
        assertTrue(spec.credential(Keys.WEBHOOK_SECRET).orElseThrow().secret());
        assertTrue(spec.usesWebConnector());
    }

    @Test
    void theWebhookSourceNamesTheSecretCredentialAndTheSchedulesAreDeclared() {
        assertEquals(Keys.WEBHOOK_SECRET, spec.webhook("gocardless").orElseThrow().secretField());
        assertEquals(List.of(QbdGoCardlessSpec.POLL_EVENTS, QbdGoCardlessSpec.REVERSE_FLOW,
                QbdGoCardlessSpec.QUICKBOOKS_CUSTOMERS, QbdGoCardlessSpec.QUICKBOOKS_LISTS),
                spec.schedules().stream().map(s -> s.id()).toList());
        assertEquals(Duration.ofMinutes(15), spec.schedules().get(2).every(),
                "the customer list is read about once per Web Connector run");
        assertEquals(Duration.ofMinutes(60), spec.schedules().get(3).every(),
                "accounts, payment methods and items change rarely");
    }

    @Test
    void everySettingThatNamesAQuickBooksObjectOffersTheListOfThatKind() {
        assertEquals("quickbooks-deposit-accounts", setting(Keys.DEPOSIT_ACCOUNT).pickList());
        assertEquals("quickbooks-bank-accounts", setting(Keys.BANK_ACCOUNT).pickList());
        assertEquals("quickbooks-fee-accounts", setting(Keys.FEE_ACCOUNT).pickList());
        assertEquals("quickbooks-clearing-accounts", setting(Keys.CLEARING_ACCOUNT).pickList());
        assertEquals("quickbooks-ar-accounts", setting(Keys.AR_ACCOUNT).pickList());
        assertEquals("quickbooks-payment-methods", setting(Keys.PAYMENT_METHOD).pickList());
        assertEquals("quickbooks-refund-items", setting(Keys.REFUND_ITEM).pickList());
        assertNull(setting(Keys.BOOKS_CURRENCY).pickList(), "a currency code is not a QuickBooks object");
        assertNull(setting(Keys.AR_ACCOUNT).problem(""), "still optional");
    }

    @Test
    void defaultsAreSafeAndTheBankAndFeeAccountsMustBeChosen() {
        assertEquals("Undeposited Funds", setting(Keys.DEPOSIT_ACCOUNT).defaultValue());
        assertEquals("confirmed", setting(Keys.POSTING_MOMENT).defaultValue());
        assertEquals("false", setting(Keys.REVERSE_FLOW).defaultValue());
        assertEquals("15", setting(Keys.QBWC_RUN_EVERY_MINUTES).defaultValue());
        assertEquals("Bank account for payouts is required.", setting(Keys.BANK_ACCOUNT).problem(""));
        assertNull(setting(Keys.AR_ACCOUNT).problem(""));
        assertEquals("Record payments when must be one of confirmed, paid_out.",
                setting(Keys.POSTING_MOMENT).problem("whenever"));
    }

    private SettingField setting(String key) {
        return spec.setting(key).orElseThrow();
    }
}
