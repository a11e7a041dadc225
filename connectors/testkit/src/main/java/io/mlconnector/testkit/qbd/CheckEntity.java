package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.util.ArrayList;
import java.util.List;

/** A Check; written to Accounts Receivable with a customer on the line, it refunds that customer. */
final class CheckEntity extends TxnEntity {
    String bankAccountListId;
    String payeeListId;
    QbAddress address;
    boolean toBePrinted;
    List<ExpenseLine> lines = new ArrayList<>();

    static final class ExpenseLine {
        String txnLineId;
        String accountListId;
        Money amount;
        String memo;
        String customerListId;
        String itemListId;

        ExpenseLine copy() {
            ExpenseLine l = new ExpenseLine();
            l.txnLineId = txnLineId;
            l.accountListId = accountListId;
            l.amount = amount;
            l.memo = memo;
            l.customerListId = customerListId;
            l.itemListId = itemListId;
            return l;
        }
    }

    Money total(String currency) {
        Money total = Money.ofMinor(0, currency);
        for (ExpenseLine line : lines) {
            total = total.plus(line.amount);
        }
        return total;
    }

    @Override
    String txnType() {
        return "Check";
    }

    @Override
    String entityListId() {
        return payeeListId;
    }

    @Override
    List<String> accountListIds() {
        List<String> ids = new ArrayList<>();
        ids.add(bankAccountListId);
        for (ExpenseLine line : lines) {
            ids.add(line.accountListId);
        }
        return ids;
    }

    @Override
    CheckEntity copy() {
        CheckEntity c = copyCoreInto(new CheckEntity());
        c.bankAccountListId = bankAccountListId;
        c.payeeListId = payeeListId;
        c.address = address;
        c.toBePrinted = toBePrinted;
        for (ExpenseLine line : lines) {
            c.lines.add(line.copy());
        }
        return c;
    }
}
