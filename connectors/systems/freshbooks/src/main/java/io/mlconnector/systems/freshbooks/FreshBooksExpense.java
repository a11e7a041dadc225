package io.mlconnector.systems.freshbooks;

import io.mlconnector.api.money.Money;
import java.time.LocalDate;

/** An expense in FreshBooks (e.g. a payments provider's fees). */
public record FreshBooksExpense(String id, String categoryId, Money amount, LocalDate date, String vendor, String notes,
                                int visState) {
}
