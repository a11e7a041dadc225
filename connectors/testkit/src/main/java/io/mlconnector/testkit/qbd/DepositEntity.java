package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.util.ArrayList;
import java.util.List;

final class DepositEntity extends TxnEntity {
    String depositToAccountListId;
    List<Line> lines = new ArrayList<>();
    String cashBackAccountListId;
    String cashBackMemo;
    Money cashBackAmount;

    /** A deposit line: either a payment taken out of Undeposited Funds or an amount from an account. */
    static final class Line {
        String txnLineId;
        String paymentTxnId;
        String entityListId;
        String accountListId;
        String memo;
        String checkNumber;
        String paymentMethodListId;
        Money amount;

        Line copy() {
            Line l = new Line();
            l.txnLineId = txnLineId;
            l.paymentTxnId = paymentTxnId;
            l.entityListId = entityListId;
            l.accountListId = accountListId;
            l.memo = memo;
            l.checkNumber = checkNumber;
            l.paymentMethodListId = paymentMethodListId;
            l.amount = amount;
            return l;
        }
    }

    Money total(String currency) {
        Money total = Money.ofMinor(0, currency);
        for (Line line : lines) {
            total = total.plus(line.amount);
        }
        return cashBackAmount == null ? total : total.minus(cashBackAmount);
    }

    @Override
    String txnType() {
        return "Deposit";
    }

    @Override
    String entityListId() {
        for (Line line : lines) {
            if (line.entityListId != null) {
                return line.entityListId;
            }
        }
        return null;
    }

    @Override
    List<String> accountListIds() {
        List<String> ids = new ArrayList<>();
        ids.add(depositToAccountListId);
        for (Line line : lines) {
            ids.add(line.accountListId);
        }
        return ids;
    }

    @Override
    DepositEntity copy() {
        DepositEntity d = copyCoreInto(new DepositEntity());
        d.depositToAccountListId = depositToAccountListId;
        for (Line line : lines) {
            d.lines.add(line.copy());
        }
        d.cashBackAccountListId = cashBackAccountListId;
        d.cashBackMemo = cashBackMemo;
        d.cashBackAmount = cashBackAmount;
        return d;
    }
}
