package io.mlconnector.systems.freshbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mlconnector.api.money.Money;
import org.junit.jupiter.api.Test;

class FreshBooksAmountsTest {

    @Test
    void readsFreshBooksStringsAsMinorUnitsByTheCurrencysExponent() {
        assertEquals(Money.ofMinor(1250, "GBP"), FreshBooksAmounts.read("12.5", "GBP"));
        assertEquals(Money.ofMinor(1250, "GBP"), FreshBooksAmounts.read("12.500", "GBP"));
        assertEquals(Money.ofMinor(1200, "JPY"), FreshBooksAmounts.read("1200.00", "JPY"));
        assertEquals(Money.ofMinor(12345, "KWD"), FreshBooksAmounts.read("12.345", "KWD"));
        assertEquals(Money.ofMinor(0, "EUR"), FreshBooksAmounts.read("0", "EUR"));
    }

    @Test
    void refusesDigitsTheCurrencyDoesNotHave() {
        assertThrows(IllegalArgumentException.class, () -> FreshBooksAmounts.read("12.345", "GBP"));
        assertThrows(IllegalArgumentException.class, () -> FreshBooksAmounts.read("12,50", "GBP"));
    }

    @Test
    void writesTheAmountObjectFreshBooksExpects() {
        assertEquals("{\"amount\":\"12.05\",\"code\":\"GBP\"}", FreshBooksAmounts.write(Money.ofMinor(1205, "GBP")).toString());
        assertEquals("{\"amount\":\"500\",\"code\":\"JPY\"}", FreshBooksAmounts.write(Money.ofMinor(500, "JPY")).toString());
    }
}
