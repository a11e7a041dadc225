package io.mlconnector.systems.qbo;

import com.google.gson.JsonObject;

/** A link between transactions, e.g. a Payment line paying Invoice 130: {@code {"TxnId":"130","TxnType":"Invoice"}}. */
public record QboLinkedTxn(String txnId, String txnType) {

    static QboLinkedTxn from(JsonObject o) {
        return new QboLinkedTxn(QboJson.string(o, "TxnId"), QboJson.string(o, "TxnType"));
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("TxnId", txnId);
        o.addProperty("TxnType", txnType);
        return o;
    }
}
