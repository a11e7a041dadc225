package io.mlconnector.systems.qbo;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mlconnector.api.money.Money;
import java.time.LocalDate;

/**
 * Money paid back to a customer, as a bookkeeper records a refund: a RefundReceipt whose line names
 * an item and whose {@code DepositToAccountRef} is the account the money left from.
 */
public final class QboRefundReceipt {

    private QboRefundReceipt() {
    }

    public static JsonObject newRefund(String customerId, String itemId, String fromAccountId, Money amount,
                                       LocalDate txnDate, String reference, String memo) {
        JsonObject r = new JsonObject();
        r.add("CustomerRef", QboRef.of(customerId).toJson());
        r.add("DepositToAccountRef", QboRef.of(fromAccountId).toJson());
        r.addProperty("TxnDate", txnDate.toString());
        r.add("CurrencyRef", QboRef.of(amount.currency()).toJson());
        if (reference != null) {
            r.addProperty("PaymentRefNum", reference.length() > 21 ? reference.substring(0, 21) : reference);
        }
        if (memo != null) {
            r.addProperty("PrivateNote", memo);
        }
        JsonObject line = new JsonObject();
        line.add("Amount", QboAmounts.toJson(amount));
        line.addProperty("DetailType", "SalesItemLineDetail");
        if (memo != null) {
            line.addProperty("Description", memo);
        }
        JsonObject detail = new JsonObject();
        detail.add("ItemRef", QboRef.of(itemId).toJson());
        line.add("SalesItemLineDetail", detail);
        JsonArray lines = new JsonArray();
        lines.add(line);
        r.add("Line", lines);
        return r;
    }
}
