package io.mlconnector.testkit.qbd;

import java.util.List;

/** LinkedTxn aggregates: the payments, credits and refunds connected to a transaction. */
final class LinkedTxns {

    private LinkedTxns() {
    }

    /** Amounts are written negative: they reduce the open balance of the transaction shown. */
    static void write(RetWriter w, List<Ledger.Link> links, MessageContext ctx) {
        for (Ledger.Link link : links) {
            TxnEntity other = ctx.data.anyTxn(link.txnId());
            w.open("LinkedTxn")
                    .leaf("TxnID", link.txnId())
                    .leaf("TxnType", link.txnType())
                    .leaf("TxnDate", other == null ? null : other.txnDate.toString())
                    .leaf("RefNumber", other == null ? null : other.refNumber)
                    .leaf("LinkType", "AMTTYPE")
                    .leaf("Amount", ctx.amount(link.amount().negate()))
                    .close();
        }
    }
}
