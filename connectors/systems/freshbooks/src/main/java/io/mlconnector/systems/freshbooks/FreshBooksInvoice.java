package io.mlconnector.systems.freshbooks;

import io.mlconnector.api.money.Money;
import java.time.LocalDate;

/**
 * A FreshBooks invoice, as read before use (webhooks carry ids only).
 *
 * @param status      FreshBooks' {@code v3_status}: draft, sent, viewed, paid, auto-paid, partial, overdue, disputed, failed…
 * @param outstanding what is still owed
 * @param updated     FreshBooks' {@code updated} text, for "updated since" cursors (its own format and zone)
 * @param visState    0 active, 1 deleted, 2 archived
 */
public record FreshBooksInvoice(String id, String number, String clientId, String status, Money amount, Money outstanding,
                                Money paid, LocalDate dueDate, String updated, int visState) {

    public boolean deleted() {
        return visState == 1;
    }

    public boolean draft() {
        return "draft".equals(status);
    }

    /** Sent to the client (or viewed, overdue, partly paid…): something is being asked for. */
    public boolean issued() {
        return !draft() && !deleted();
    }

    public boolean fullyPaid() {
        return outstanding != null && outstanding.minorUnits() <= 0;
    }

    public String currency() {
        return amount.currency();
    }
}
