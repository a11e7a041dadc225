package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.time.LocalDate;

/** One line of an invoice or credit memo. */
final class SalesLine {
    String txnLineId;
    String itemListId;
    String desc;
    String quantity;
    String rate;
    Money amount;
    LocalDate serviceDate;

    SalesLine copy() {
        SalesLine l = new SalesLine();
        l.txnLineId = txnLineId;
        l.itemListId = itemListId;
        l.desc = desc;
        l.quantity = quantity;
        l.rate = rate;
        l.amount = amount;
        l.serviceDate = serviceDate;
        return l;
    }
}
