package io.mlconnector.systems.qbd;

import io.mlconnector.api.money.Money;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QbAmountsTest {

    @Test
    void writesTwoDecimalCurrenciesExactly() {
        assertEquals("12.50", QbAmounts.toAmount(Money.ofMinor(1250, "GBP")));
        assertEquals("0.01", QbAmounts.toAmount(Money.ofMinor(1, "GBP")));
        assertEquals("-3.05", QbAmounts.toAmount(Money.ofMinor(-305, "USD")));
        assertEquals("0.00", QbAmounts.toAmount(Money.ofMinor(0, "EUR")));
    }

    @Test
    void readsQuickBooksAmountsIntoMinorUnits() {
        assertEquals(Money.ofMinor(1250, "GBP"), QbAmounts.toMoney("12.50", "GBP"));
        assertEquals(Money.ofMinor(-300, "GBP"), QbAmounts.toMoney("-3", "GBP"));
        assertEquals(Money.ofMinor(1999, "GBP"), QbAmounts.toMoney(" +19.99 ", "GBP"));
    }

    @Test
    void roundTripsWithoutDrift() {
        for (long pence : new long[] {1, 10, 99, 100, 1250, 123456789, -42}) {
            Money money = Money.ofMinor(pence, "GBP");
            assertEquals(money, QbAmounts.toMoney(QbAmounts.toAmount(money), "GBP"));
        }
    }

    @Test
    void writesWholeYenWithQuickBooksTwoDecimalsAndReadsThemBack() {
        assertEquals("1000.00", QbAmounts.toAmount(Money.ofMinor(1000, "JPY")));
        assertEquals(Money.ofMinor(1000, "JPY"), QbAmounts.toMoney("1000.00", "JPY"));
    }

    @Test
    void refusesAYenAmountWithAFraction() {
        assertThrows(IllegalArgumentException.class, () -> QbAmounts.toMoney("1000.50", "JPY"));
    }

    @Test
    void refusesThreeDecimalCurrenciesEvenWhenTheLastDigitIsZero() {
        assertThrows(IllegalArgumentException.class, () -> QbAmounts.toAmount(Money.ofMinor(12345, "KWD")));
        assertThrows(IllegalArgumentException.class, () -> QbAmounts.toAmount(Money.ofMinor(12340, "KWD")));
    }

    @Test
    void refusesAmountsLargerThanQuickBooksStores() {
        assertEquals("9999999999999.99", QbAmounts.toAmount(Money.ofMinor(999_999_999_999_999L, "GBP")));
        assertThrows(IllegalArgumentException.class, () -> QbAmounts.toAmount(Money.ofMinor(1_000_000_000_000_000L, "GBP")));
    }

    @Test
    void refusesMoneyInAnotherCurrencyThanTheBooks() {
        assertEquals("12.50", QbAmounts.toAmount(Money.ofMinor(1250, "GBP"), "gbp"));
        assertThrows(IllegalArgumentException.class, () -> QbAmounts.toAmount(Money.ofMinor(1250, "GBP"), "USD"));
    }

    @Test
    void refusesAnAmountThatIsNotANumber() {
        assertThrows(IllegalArgumentException.class, () -> QbAmounts.toMoney("12,50", "GBP"));
    }
}
