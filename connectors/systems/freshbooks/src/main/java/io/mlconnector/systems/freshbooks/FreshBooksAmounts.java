package io.mlconnector.systems.freshbooks;

import com.google.gson.JsonObject;
import io.mlconnector.api.money.Money;
import java.math.BigDecimal;

/**
 * FreshBooks writes money as decimal strings with a currency code ({@code {"amount":"12.50","code":"GBP"}});
 * inside we keep integer minor units. Converted by the currency's exponent, never through floating point.
 */
public final class FreshBooksAmounts {

    private FreshBooksAmounts() {
    }

    /**
     * Reads FreshBooks' amount string. FreshBooks may write fewer decimals than the currency has
     * ({@code "12.5"}, {@code "12"}) and sometimes trailing zeros beyond them ({@code "12.500"}); both
     * are exact. A non-zero digit beyond the currency's decimals is refused, not rounded.
     */
    public static Money read(String amount, String currency) {
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("FreshBooks sent an amount that is not a number: '" + amount + "'");
        }
        BigDecimal plain = value.stripTrailingZeros();
        String text = plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString();
        return Money.parse(text, currency);
    }

    /** The JSON amount object FreshBooks expects. */
    public static JsonObject write(Money money) {
        JsonObject amount = new JsonObject();
        amount.addProperty("amount", money.toDecimalString());
        amount.addProperty("code", money.currency());
        return amount;
    }
}
