package io.mlconnector.systems.qbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import io.mlconnector.api.money.Money;
import org.junit.jupiter.api.Test;

class QboAmountsTest {

    @Test
    void decimalsBecomeMinorUnitsByTheCurrencysExponent() {
        assertEquals(Money.ofMinor(12550, "GBP"), QboAmounts.toMoney(JsonParser.parseString("125.5"), "GBP"));
        assertEquals(Money.ofMinor(1000, "JPY"), QboAmounts.toMoney(JsonParser.parseString("1000"), "JPY"));
        assertEquals(Money.ofMinor(1234, "KWD"), QboAmounts.toMoney(JsonParser.parseString("1.234"), "KWD"));
        assertEquals(Money.ofMinor(10, "GBP"), QboAmounts.toMoney(JsonParser.parseString("0.10"), "GBP"));
        // 0.1 + 0.2 as doubles is 0.30000000000000004; as decimals it is exact.
        assertEquals(Money.ofMinor(30, "GBP"), QboAmounts.toMoney(JsonParser.parseString("0.30"), "GBP"));
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedNotRounded() {
        assertThrows(IllegalArgumentException.class, () -> QboAmounts.toMoney(JsonParser.parseString("1.005"), "GBP"));
    }

    @Test
    void minorUnitsBecomeDecimalsWithTheCurrencysDecimals() {
        assertEquals("125.50", QboAmounts.toJson(Money.ofMinor(12550, "GBP")).toString());
        assertEquals("1000", QboAmounts.toJson(Money.ofMinor(1000, "JPY")).toString());
        assertEquals("-1.63", QboAmounts.toJson(Money.ofMinor(-163, "GBP")).toString());
    }
}
