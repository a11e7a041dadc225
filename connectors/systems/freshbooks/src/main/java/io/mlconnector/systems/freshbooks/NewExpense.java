package io.mlconnector.systems.freshbooks;

import io.mlconnector.api.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An expense to record. FreshBooks requires the category, the staff member it belongs to, the date and the amount.
 *
 * @param staffId the FreshBooks user recording it (the identity's user id serves)
 */
public record NewExpense(String categoryId, String staffId, Money amount, LocalDate date, String vendor, String notes) {

    public NewExpense {
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(date, "date");
    }
}
