package io.mlconnector.api.money;

import java.util.Currency;
import java.util.Locale;

/**
 * The number of decimals of a currency's minor unit (ISO 4217): 2 for GBP and EUR, 0 for JPY,
 * 3 for KWD and BHD. Payment APIs send integer minor units; accounting systems want decimals.
 */
public final class CurrencyExponent {

    private CurrencyExponent() {
    }

    public static int of(String currencyCode) {
        if (currencyCode == null || currencyCode.length() != 3) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: '" + currencyCode + "'");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown currency: '" + currencyCode + "'");
        }
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("Currency " + currencyCode + " has no minor unit");
        }
        return digits;
    }
}
