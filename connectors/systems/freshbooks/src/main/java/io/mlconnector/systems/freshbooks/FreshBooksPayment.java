package io.mlconnector.systems.freshbooks;

import io.mlconnector.api.money.Money;
import java.time.LocalDate;

/** A payment recorded on a FreshBooks invoice. {@code visState} 1 means deleted (FreshBooks deletes softly). */
public record FreshBooksPayment(String id, String invoiceId, Money amount, LocalDate date, String type, String note,
                                int visState) {

    public boolean deleted() {
        return visState == 1;
    }
}
