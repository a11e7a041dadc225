package io.mlconnector.connectors.qbdstripe;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.Settings;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** A connection's settings, read once per call and typed. */
record ConnectionSettings(String depositAccount, String bankAccount, String feeAccount, String clearingAccount,
                          Optional<String> paymentMethod, Optional<String> arAccount, String refundItem,
                          Optional<String> booksCurrency, Duration webConnectorInterval) {

    static final String UNDEPOSITED_FUNDS = "Undeposited Funds";

    static ConnectionSettings of(ConnectorContext context) {
        Settings s = context.settings();
        int minutes;
        try {
            minutes = Math.max(1, s.number(Keys.QBWC_RUN_EVERY_MINUTES, QbdStripeSpec.DEFAULT_QBWC_MINUTES));
        } catch (NumberFormatException e) {
            minutes = QbdStripeSpec.DEFAULT_QBWC_MINUTES;
        }
        return new ConnectionSettings(
                text(s, Keys.DEPOSIT_ACCOUNT).orElse(UNDEPOSITED_FUNDS),
                text(s, Keys.BANK_ACCOUNT).orElse(null),
                text(s, Keys.FEE_ACCOUNT).orElse(null),
                text(s, Keys.CLEARING_ACCOUNT).orElse(QbdStripeSpec.DEFAULT_CLEARING_ACCOUNT),
                text(s, Keys.PAYMENT_METHOD),
                text(s, Keys.AR_ACCOUNT),
                text(s, Keys.REFUND_ITEM).orElse(QbdStripeSpec.DEFAULT_REFUND_ITEM),
                text(s, Keys.BOOKS_CURRENCY).map(c -> c.toUpperCase(Locale.ROOT)),
                Duration.ofMinutes(minutes));
    }

    /** True when payments wait in Undeposited Funds for a payout deposit to pick them up. */
    boolean paymentsGoToUndepositedFunds() {
        return UNDEPOSITED_FUNDS.equalsIgnoreCase(depositAccount);
    }

    String requireBankAccount() {
        if (bankAccount == null) {
            throw new CannotProcess("Choose the bank account Stripe pays out to in the connection's settings");
        }
        return bankAccount;
    }

    String requireFeeAccount() {
        if (feeAccount == null) {
            throw new CannotProcess("Choose the account for Stripe fees in the connection's settings");
        }
        return feeAccount;
    }

    private static Optional<String> text(Settings s, String key) {
        return s.get(key).map(String::trim).filter(v -> !v.isEmpty());
    }
}
