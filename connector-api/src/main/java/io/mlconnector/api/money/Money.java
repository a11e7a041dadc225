package io.mlconnector.api.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money as integer minor units of one currency (pence, cents, yen, fils).
 *
 * <p>Every amount inside ml-connector is a {@code Money}. Systems that speak in decimal strings
 * (QuickBooks, Zuora, FreshBooks) are converted at the edge with {@link #toDecimalString()} and
 * {@link #parse(String, String)}, always by the currency's exponent and never through floating point.
 */
public record Money(long minorUnits, String currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        currency = currency.toUpperCase(java.util.Locale.ROOT);
        CurrencyExponent.of(currency); // rejects unknown codes early
    }

    public static Money ofMinor(long minorUnits, String currency) {
        return new Money(minorUnits, currency);
    }

    /**
     * Reads a decimal string such as {@code "12.50"} in the given currency. More decimals than the
     * currency has are refused rather than rounded: rounding money silently is how books drift.
     */
    public static Money parse(String decimal, String currency) {
        Objects.requireNonNull(decimal, "decimal");
        int exponent = CurrencyExponent.of(currency);
        BigDecimal value;
        try {
            value = new BigDecimal(decimal.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an amount: '" + decimal + "'");
        }
        BigDecimal minor = value.movePointRight(exponent);
        try {
            return new Money(minor.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "Amount " + decimal + " has more decimals than " + currency.toUpperCase(java.util.Locale.ROOT)
                            + " allows (" + exponent + ")");
        }
    }

    /** The amount as a plain decimal string with exactly the currency's number of decimals. */
    public String toDecimalString() {
        return BigDecimal.valueOf(minorUnits, CurrencyExponent.of(currency)).toPlainString();
    }

    public int exponent() {
        return CurrencyExponent.of(currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency;
    }

    /** Java's own currency data, for callers that need the symbol or display name. */
    public Currency javaCurrency() {
        return Currency.getInstance(currency);
    }
}
