package io.mlconnector.systems.qbo;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mlconnector.api.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A bank deposit. Lines either link a Payment waiting in Undeposited Funds ({@code LinkedTxn}, no
 * detail) or post an amount to an account ({@code DepositLineDetail.AccountRef}); a fee is a
 * negative account line.
 */
public record QboDeposit(String id, String syncToken, QboRef depositToAccount, Money total, LocalDate txnDate,
                         String privateNote, List<Line> lines) {

    /** A deposit line: linked to a transaction, or posted to an account. */
    public record Line(Money amount, QboLinkedTxn linkedTxn, String accountId, String description) {
    }

    public QboDeposit {
        lines = List.copyOf(lines);
    }

    public static QboDeposit from(JsonObject o, String homeCurrency) {
        String currency = QboCustomer.currencyOf(o, homeCurrency);
        List<Line> lines = new ArrayList<>();
        for (JsonObject line : QboJson.objects(o, "Line")) {
            List<JsonObject> linked = QboJson.objects(line, "LinkedTxn");
            JsonObject detail = QboJson.object(line, "DepositLineDetail");
            QboRef account = detail == null ? null : QboRef.from(detail.get("AccountRef"));
            lines.add(new Line(QboAmounts.toMoney(line.get("Amount"), currency),
                    linked.isEmpty() ? null : QboLinkedTxn.from(linked.get(0)),
                    account == null ? null : account.value(), QboJson.string(line, "Description")));
        }
        return new QboDeposit(QboJson.string(o, "Id"), QboJson.string(o, "SyncToken"),
                QboRef.from(o.get("DepositToAccountRef")), QboAmounts.toMoney(o.get("TotalAmt"), currency),
                QboJson.date(o, "TxnDate"), QboJson.string(o, "PrivateNote"), lines);
    }

    /** Builds a new deposit into {@code bankAccountId}; add lines, then {@link #toJson()}. */
    public static Builder into(String bankAccountId, LocalDate txnDate, String currency) {
        return new Builder(bankAccountId, txnDate, currency);
    }

    public static final class Builder {
        private final JsonObject deposit = new JsonObject();
        private final JsonArray lines = new JsonArray();
        private Money total;

        private Builder(String bankAccountId, LocalDate txnDate, String currency) {
            deposit.add("DepositToAccountRef", QboRef.of(bankAccountId).toJson());
            deposit.addProperty("TxnDate", txnDate.toString());
            deposit.add("CurrencyRef", QboRef.of(currency).toJson());
            total = Money.ofMinor(0, currency);
        }

        /** A Payment waiting in Undeposited Funds, deposited in full. */
        public Builder payment(String paymentId, Money amount) {
            JsonObject line = new JsonObject();
            line.add("Amount", QboAmounts.toJson(amount));
            JsonArray linked = new JsonArray();
            JsonObject txn = new QboLinkedTxn(paymentId, "Payment").toJson();
            txn.addProperty("TxnLineId", "0");
            linked.add(txn);
            line.add("LinkedTxn", linked);
            return add(line, amount);
        }

        /** An amount posted to an account (negative for fees and other deductions). */
        public Builder account(String accountId, Money amount, String description) {
            JsonObject line = new JsonObject();
            line.add("Amount", QboAmounts.toJson(amount));
            line.addProperty("DetailType", "DepositLineDetail");
            if (description != null) {
                line.addProperty("Description", description);
            }
            JsonObject detail = new JsonObject();
            detail.add("AccountRef", QboRef.of(accountId).toJson());
            line.add("DepositLineDetail", detail);
            return add(line, amount);
        }

        public Builder memo(String memo) {
            deposit.addProperty("PrivateNote", memo);
            return this;
        }

        private Builder add(JsonObject line, Money amount) {
            lines.add(line);
            total = total.plus(amount);
            return this;
        }

        /** The sum of the lines so far: what the bank will show. */
        public Money total() {
            return total;
        }

        public JsonObject toJson() {
            JsonObject copy = deposit.deepCopy();
            copy.add("Line", lines.deepCopy());
            return copy;
        }
    }
}
