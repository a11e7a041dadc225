package io.mlconnector.systems.qbo;

import com.google.gson.JsonObject;
import io.mlconnector.api.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The invoice fields a connector uses. {@code balance} is what is still due; {@code recurringTemplateId}
 * is set when QuickBooks generated the invoice from a recurring transaction.
 */
public record QboInvoice(String id, String syncToken, String docNumber, QboRef customer, LocalDate txnDate,
                         LocalDate dueDate, Money total, Money balance, String currency, List<QboLinkedTxn> linkedTxns,
                         String recurringTemplateId) {

    public QboInvoice {
        linkedTxns = List.copyOf(linkedTxns);
    }

    public static QboInvoice from(JsonObject o, String homeCurrency) {
        String currency = QboCustomer.currencyOf(o, homeCurrency);
        QboRef recur = QboRef.from(o.get("RecurDataRef"));
        return new QboInvoice(QboJson.string(o, "Id"), QboJson.string(o, "SyncToken"), QboJson.string(o, "DocNumber"),
                QboRef.from(o.get("CustomerRef")), QboJson.date(o, "TxnDate"), QboJson.date(o, "DueDate"),
                QboAmounts.toMoney(o.get("TotalAmt"), currency), QboAmounts.toMoney(o.get("Balance"), currency), currency,
                QboJson.objects(o, "LinkedTxn").stream().map(QboLinkedTxn::from).toList(),
                recur == null ? null : recur.value());
    }

    public boolean isUnpaid() {
        return balance.minorUnits() > 0;
    }

    /** The ids of the Payments QuickBooks shows against this invoice. */
    public List<String> paymentIds() {
        return linkedTxns.stream().filter(l -> "Payment".equals(l.txnType())).map(QboLinkedTxn::txnId).toList();
    }
}
