package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Fields invoices and credit memos share. */
abstract class SalesTxnEntity extends TxnEntity {
    String customerListId;
    String arAccountListId;
    LocalDate dueDate;
    String poNumber;
    boolean pending;
    boolean toBePrinted;
    boolean toBeEmailed;
    QbAddress billAddress;
    QbAddress shipAddress;
    List<SalesLine> lines = new ArrayList<>();

    Money subtotal(String currency) {
        Money total = Money.ofMinor(0, currency);
        for (SalesLine line : lines) {
            total = total.plus(line.amount);
        }
        return total;
    }

    @Override
    String entityListId() {
        return customerListId;
    }

    @Override
    List<String> accountListIds() {
        return List.of(arAccountListId);
    }

    <T extends SalesTxnEntity> T copySalesInto(T target) {
        copyCoreInto(target);
        target.customerListId = customerListId;
        target.arAccountListId = arAccountListId;
        target.dueDate = dueDate;
        target.poNumber = poNumber;
        target.pending = pending;
        target.toBePrinted = toBePrinted;
        target.toBeEmailed = toBeEmailed;
        target.billAddress = billAddress;
        target.shipAddress = shipAddress;
        target.lines = new ArrayList<>();
        for (SalesLine line : lines) {
            target.lines.add(line.copy());
        }
        return target;
    }
}
