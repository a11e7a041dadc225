package io.mlconnector.systems.freshbooks;

import io.mlconnector.api.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment to record on an invoice.
 *
 * @param type one of FreshBooks' payment types, e.g. {@code Bank Transfer}, {@code ACH}, {@code Debit}, {@code Other}
 * @param note free text people read on the payment; put the payments system's id here to find it again
 */
public record NewPayment(String invoiceId, Money amount, LocalDate date, String type, String note) {

    public NewPayment {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
    }
}
