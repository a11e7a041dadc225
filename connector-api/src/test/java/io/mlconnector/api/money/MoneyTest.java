package io.mlconnector.api.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void poundsAndEurosHaveTwoDecimals() {
        assertEquals("12.50", Money.ofMinor(1250, "GBP").toDecimalString());
        assertEquals("0.05", Money.ofMinor(5, "eur").toDecimalString());
        assertEquals(-1999, Money.parse("-19.99", "EUR").minorUnits());
    }

    @Test
    void yenHasNoDecimals() {
        assertEquals("1250", Money.ofMinor(1250, "JPY").toDecimalString());
        assertEquals(1250, Money.parse("1250", "JPY").minorUnits());
        assertThrows(IllegalArgumentException.class, () -> Money.parse("12.5", "JPY"));
    }

    @Test
    void kuwaitiDinarHasThreeDecimals() {
        assertEquals("1.250", Money.ofMinor(1250, "KWD").toDecimalString());
        assertEquals(1005, Money.parse("1.005", "KWD").minorUnits());
        assertEquals(1500, Money.parse("1.5", "KWD").minorUnits());
    }

    @Test
    void neverRoundsAway() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.parse("10.005", "GBP"));
        assertEquals("Amount 10.005 has more decimals than GBP allows (2)", e.getMessage());
    }

    @Test
    void largeAmountsStayExact() {
        // 0.1 + 0.2 style errors would show here if floating point were involved anywhere.
        Money sum = Money.parse("0.10", "GBP").plus(Money.parse("0.20", "GBP"));
        assertEquals("0.30", sum.toDecimalString());
        assertEquals("92233720368547758.07", Money.ofMinor(Long.MAX_VALUE, "USD").toDecimalString());
    }

    @Test
    void rejectsMixedCurrenciesAndUnknownCodes() {
        assertThrows(IllegalArgumentException.class, () -> Money.ofMinor(1, "GBP").plus(Money.ofMinor(1, "EUR")));
        assertThrows(IllegalArgumentException.class, () -> Money.ofMinor(1, "XYZ"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("abc", "GBP"));
    }
}
