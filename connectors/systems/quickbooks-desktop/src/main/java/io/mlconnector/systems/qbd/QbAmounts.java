package io.mlconnector.systems.qbd;

import io.mlconnector.api.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * Money to and from qbXML amounts (AMTTYPE: optional sign, at most 13 integer digits, two decimals).
 *
 * <p>Rules, chosen so that no amount is ever rounded on its way into the books:
 * <ul>
 *   <li>Currencies with two decimals (GBP, USD, EUR…) convert exactly: 1250 pence is {@code 12.50}.</li>
 *   <li>Currencies without decimals (JPY, KRW…) are accepted: QuickBooks keeps two decimals, so
 *       ¥1000 is written {@code 1000.00}, exactly. Whether the company file can hold that currency at
 *       all (home currency or multicurrency turned on) is the plugin's check, with
 *       {@link #toAmount(Money, String)} or the company's preferences.</li>
 *   <li>Currencies with three decimals (KWD, BHD, OMR…) are refused outright, even when the last
 *       digit happens to be zero: QuickBooks cannot store a fils, and accepting only some amounts
 *       would make failures depend on the amount.</li>
 *   <li>More than 13 integer digits is refused.</li>
 * </ul>
 */
public final class QbAmounts {

    private static final int QB_DECIMALS = 2;
    private static final int MAX_INTEGER_DIGITS = 13;

    private QbAmounts() {
    }

    /** The amount as QuickBooks writes it, e.g. {@code 12.50} or {@code -3.00}. */
    public static String toAmount(Money money) {
        Objects.requireNonNull(money, "money");
        int exponent = money.exponent();
        if (exponent > QB_DECIMALS) {
            throw new IllegalArgumentException("QuickBooks Desktop stores two decimals; " + money.currency()
                    + " has " + exponent + " and is not supported");
        }
        BigDecimal value = BigDecimal.valueOf(money.minorUnits(), exponent).setScale(QB_DECIMALS, RoundingMode.UNNECESSARY);
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("Amount " + money + " is larger than QuickBooks can store");
        }
        return value.toPlainString();
    }

    /** As {@link #toAmount(Money)}, refusing money in another currency than the one the books use. */
    public static String toAmount(Money money, String booksCurrency) {
        Objects.requireNonNull(booksCurrency, "booksCurrency");
        if (!money.currency().equals(booksCurrency.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Cannot post " + money.currency() + " into books kept in "
                    + booksCurrency.toUpperCase(Locale.ROOT));
        }
        return toAmount(money);
    }

    /** Reads an amount QuickBooks returned (e.g. {@code 12.50}, {@code -3}, {@code 1000.00}). */
    public static Money toMoney(String amount, String currency) {
        Objects.requireNonNull(amount, "amount");
        String text = amount.strip();
        if (text.startsWith("+")) {
            text = text.substring(1);
        }
        return Money.parse(text, currency);
    }
}
