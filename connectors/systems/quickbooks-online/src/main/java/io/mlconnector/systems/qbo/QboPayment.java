package io.mlconnector.systems.qbo;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mlconnector.api.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A received payment: who paid, how much, and the invoices each line pays ({@code LinkedTxn}). */
public record QboPayment(String id, String syncToken, QboRef customer, Money total, LocalDate txnDate,
                         String paymentRefNum, String privateNote, QboRef depositToAccount, List<Line> lines) {

    /** One line: an amount applied to the linked transactions. */
    public record Line(Money amount, List<QboLinkedTxn> linkedTxns) {
        public Line {
            linkedTxns = List.copyOf(linkedTxns);
        }
    }

    public QboPayment {
        lines = List.copyOf(lines);
    }

    public static QboPayment from(JsonObject o, String homeCurrency) {
        String currency = QboCustomer.currencyOf(o, homeCurrency);
        List<Line> lines = new ArrayList<>();
        for (JsonObject line : QboJson.objects(o, "Line")) {
            lines.add(new Line(QboAmounts.toMoney(line.get("Amount"), currency),
                    QboJson.objects(line, "LinkedTxn").stream().map(QboLinkedTxn::from).toList()));
        }
        return new QboPayment(QboJson.string(o, "Id"), QboJson.string(o, "SyncToken"), QboRef.from(o.get("CustomerRef")),
                QboAmounts.toMoney(o.get("TotalAmt"), currency), QboJson.date(o, "TxnDate"),
                QboJson.string(o, "PaymentRefNum"), QboJson.string(o, "PrivateNote"),
                QboRef.from(o.get("DepositToAccountRef")), lines);
    }

    /** True when a line of this payment pays {@code invoiceId}. */
    public boolean pays(String invoiceId) {
        return lines.stream().flatMap(l -> l.linkedTxns().stream())
                .anyMatch(l -> "Invoice".equals(l.txnType()) && invoiceId.equals(l.txnId()));
    }

    /**
     * A new payment of {@code amount} against one invoice.
     *
     * @param depositAccountId where the money goes; null leaves it in Undeposited Funds
     * @param reference        shown as the payment's reference number (at most 21 characters are kept)
     */
    public static JsonObject newForInvoice(String customerId, String invoiceId, Money amount, LocalDate txnDate,
                                           String reference, String memo, String depositAccountId, String paymentMethodId) {
        JsonObject p = new JsonObject();
        p.add("CustomerRef", QboRef.of(customerId).toJson());
        p.add("TotalAmt", QboAmounts.toJson(amount));
        p.addProperty("TxnDate", txnDate.toString());
        if (reference != null) {
            p.addProperty("PaymentRefNum", reference.length() > 21 ? reference.substring(0, 21) : reference);
        }
        if (memo != null) {
            p.addProperty("PrivateNote", memo);
        }
        if (depositAccountId != null) {
            p.add("DepositToAccountRef", QboRef.of(depositAccountId).toJson());
        }
        if (paymentMethodId != null) {
            p.add("PaymentMethodRef", QboRef.of(paymentMethodId).toJson());
        }
        JsonObject line = new JsonObject();
        line.add("Amount", QboAmounts.toJson(amount));
        JsonArray linked = new JsonArray();
        linked.add(new QboLinkedTxn(invoiceId, "Invoice").toJson());
        line.add("LinkedTxn", linked);
        JsonArray lines = new JsonArray();
        lines.add(line);
        p.add("Line", lines);
        p.add("CurrencyRef", QboRef.of(amount.currency()).toJson());
        return p;
    }
}
