package io.mlconnector.systems.qbo;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.mlconnector.api.money.Money;
import java.math.BigDecimal;

/**
 * QuickBooks Online sends and takes amounts as JSON decimal numbers in the company's (or the
 * transaction's) currency; inside ml-connector they are {@link Money} in minor units. The
 * conversion goes through {@link BigDecimal} by the currency's exponent, never through a double.
 */
public final class QboAmounts {

    private QboAmounts() {
    }

    /** The amount of a JSON number such as {@code 125.5}; an absent or null field is zero. */
    public static Money toMoney(JsonElement amount, String currency) {
        if (amount == null || amount.isJsonNull()) {
            return Money.ofMinor(0, currency);
        }
        BigDecimal value = amount.getAsBigDecimal();
        // 125.50 arrives as 125.5; trailing zeros are not extra precision.
        return Money.parse(value.stripTrailingZeros().toPlainString(), currency);
    }

    /** The JSON number QuickBooks Online expects for {@code money}, e.g. {@code 125.50}. */
    public static JsonPrimitive toJson(Money money) {
        return new JsonPrimitive(new BigDecimal(money.toDecimalString()));
    }
}
