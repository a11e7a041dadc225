package io.mlconnector.testkit.qbd;

import org.w3c.dom.Element;

/** Header fields invoices and credit memos share, for Add (with defaults) and Mod (only what is present). */
final class SalesHeaders {

    private SalesHeaders() {
    }

    static void forAdd(Element add, SalesTxnEntity txn, MessageContext ctx) {
        txn.customerListId = ctx.customer(Xml.child(add, "CustomerRef"), txn.txnType()).listId;
        txn.arAccountListId = ctx.accountOr(Xml.child(add, "ARAccountRef"), ctx::receivables, txn.txnType()).listId;
        String txnDate = Xml.text(add, "TxnDate");
        txn.txnDate = txnDate == null ? ctx.data.today() : QbValues.date(txnDate, "TxnDate");
        apply(add, txn, ctx);
        if (txn.dueDate == null) {
            txn.dueDate = txn.txnDate;
        }
    }

    static void forMod(Element mod, SalesTxnEntity txn, MessageContext ctx) {
        Element customerRef = Xml.child(mod, "CustomerRef");
        if (customerRef != null) {
            txn.customerListId = ctx.customer(customerRef, txn.txnType()).listId;
        }
        Element arAccountRef = Xml.child(mod, "ARAccountRef");
        if (arAccountRef != null) {
            txn.arAccountListId = ctx.account(arAccountRef, txn.txnType()).listId;
        }
        String txnDate = Xml.text(mod, "TxnDate");
        if (txnDate != null) {
            txn.txnDate = QbValues.date(txnDate, "TxnDate");
        }
        apply(mod, txn, ctx);
    }

    private static void apply(Element source, SalesTxnEntity txn, MessageContext ctx) {
        String ref = Xml.text(source, "RefNumber");
        if (ref != null) {
            txn.refNumber = ref;
        }
        Element bill = Xml.child(source, "BillAddress");
        if (bill != null) {
            txn.billAddress = QbAddress.from(bill);
        }
        Element ship = Xml.child(source, "ShipAddress");
        if (ship != null) {
            txn.shipAddress = QbAddress.from(ship);
        }
        String pending = Xml.text(source, "IsPending");
        if (pending != null) {
            txn.pending = QbValues.bool(pending, "IsPending");
        }
        String po = Xml.text(source, "PONumber");
        if (po != null) {
            txn.poNumber = po;
        }
        String due = Xml.text(source, "DueDate");
        if (due != null) {
            txn.dueDate = QbValues.date(due, "DueDate");
        }
        String memo = Xml.text(source, "Memo");
        if (memo != null) {
            txn.memo = memo;
        }
        String printed = Xml.text(source, "IsToBePrinted");
        if (printed != null) {
            txn.toBePrinted = QbValues.bool(printed, "IsToBePrinted");
        }
        String emailed = Xml.text(source, "IsToBeEmailed");
        if (emailed != null) {
            txn.toBeEmailed = QbValues.bool(emailed, "IsToBeEmailed");
        }
        String guid = Xml.text(source, "ExternalGUID");
        if (guid != null) {
            txn.externalGuid = guid;
        }
    }

    /** TxnCore through the header, up to (not including) the amounts. */
    static void writeCore(RetWriter w, SalesTxnEntity txn, MessageContext ctx) {
        w.leaf("TxnID", txn.txnId)
                .leaf("TimeCreated", QbValues.dateTime(txn.timeCreated, ctx.data.zone()))
                .leaf("TimeModified", QbValues.dateTime(txn.timeModified, ctx.data.zone()))
                .leaf("EditSequence", txn.editSequence)
                .leaf("TxnNumber", txn.txnNumber);
        ctx.ref(w, "CustomerRef", txn.customerListId);
        ctx.ref(w, "ARAccountRef", txn.arAccountListId);
        w.leaf("TxnDate", txn.txnDate.toString()).leaf("RefNumber", txn.refNumber);
        if (txn.billAddress != null) {
            txn.billAddress.write(w, "BillAddress");
        }
        if (txn.shipAddress != null) {
            txn.shipAddress.write(w, "ShipAddress");
        }
        w.leaf("IsPending", txn.pending);
    }
}
