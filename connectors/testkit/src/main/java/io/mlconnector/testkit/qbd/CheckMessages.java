package io.mlconnector.testkit.qbd;

import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * CheckAdd and CheckQuery. A check whose expense line goes to Accounts Receivable with a customer
 * on it is how a customer refund is written in QuickBooks: it raises that customer's balance.
 * Item lines post to the item's account. ApplyCheckToTxnAdd is accepted but not interpreted.
 */
final class CheckMessages {

    private static final String TXN = "Check";

    private CheckMessages() {
    }

    static void register(Map<String, MessageHandler> handlers) {
        handlers.put("CheckAddRq", CheckMessages::add);
        handlers.put("CheckQueryRq", CheckMessages::query);
    }

    private static void add(Element rq, MessageContext ctx, QbResponse response) {
        Element add = Xml.child(rq, "CheckAdd");
        CheckEntity check = new CheckEntity();
        check.bankAccountListId = ctx.account(Xml.child(add, "AccountRef"), TXN).listId;
        Element payee = Xml.child(add, "PayeeEntityRef");
        check.payeeListId = payee == null ? null : ctx.customer(payee, TXN).listId;
        check.refNumber = Xml.text(add, "RefNumber");
        String txnDate = Xml.text(add, "TxnDate");
        check.txnDate = txnDate == null ? ctx.data.today() : QbValues.date(txnDate, "TxnDate");
        check.memo = Xml.text(add, "Memo");
        check.address = QbAddress.from(Xml.child(add, "Address"));
        String printed = Xml.text(add, "IsToBePrinted");
        check.toBePrinted = printed != null && QbValues.bool(printed, "IsToBePrinted");
        check.externalGuid = Xml.text(add, "ExternalGUID");
        for (Element lineAdd : Xml.children(add, "ExpenseLineAdd")) {
            CheckEntity.ExpenseLine line = new CheckEntity.ExpenseLine();
            line.txnLineId = ctx.data.newTxnId();
            Element account = Xml.child(lineAdd, "AccountRef");
            line.accountListId = account == null ? null : ctx.account(account, TXN).listId;
            String amount = Xml.text(lineAdd, "Amount");
            line.amount = amount == null ? ctx.zero() : ctx.amount(amount);
            line.memo = Xml.text(lineAdd, "Memo");
            Element customer = Xml.child(lineAdd, "CustomerRef");
            line.customerListId = customer == null ? null : ctx.customer(customer, TXN).listId;
            check.lines.add(line);
        }
        for (Element lineAdd : Xml.children(add, "ItemLineAdd")) {
            CheckEntity.ExpenseLine line = new CheckEntity.ExpenseLine();
            line.txnLineId = ctx.data.newTxnId();
            Element itemRef = Xml.child(lineAdd, "ItemRef");
            if (itemRef != null) {
                ItemEntity item = ctx.item(itemRef, TXN);
                line.itemListId = item.listId;
                line.accountListId = item.accountListId;
            }
            String amount = Xml.text(lineAdd, "Amount");
            line.amount = amount == null ? ctx.zero() : ctx.amount(amount);
            line.memo = Xml.text(lineAdd, "Desc");
            Element customer = Xml.child(lineAdd, "CustomerRef");
            line.customerListId = customer == null ? null : ctx.customer(customer, TXN).listId;
            check.lines.add(line);
        }
        ctx.data.stampNew(check);
        ctx.data.checks.put(check.txnId, check);
        response.add(ret(response, ctx, check, true));
    }

    private static void query(Element rq, MessageContext ctx, QbResponse response) {
        Selection<CheckEntity> selection = TxnFilters.select(rq, ctx.data.checks.values(), ctx, c -> true);
        boolean lines = QueryResults.flag(rq, "IncludeLineItems");
        List<String> ids = selection.items().stream().map(t -> t.txnId).toList();
        QueryResults.respond(response, rq, "CheckQueryRq", ctx, ids, id -> {
            CheckEntity check = ctx.data.checks.get(id);
            return check == null ? null : ret(response, ctx, check, lines);
        }, selection.missing());
    }

    static Element ret(QbResponse response, MessageContext ctx, CheckEntity c, boolean lines) {
        RetWriter w = response.ret("CheckRet")
                .leaf("TxnID", c.txnId)
                .leaf("TimeCreated", QbValues.dateTime(c.timeCreated, ctx.data.zone()))
                .leaf("TimeModified", QbValues.dateTime(c.timeModified, ctx.data.zone()))
                .leaf("EditSequence", c.editSequence)
                .leaf("TxnNumber", c.txnNumber);
        ctx.ref(w, "AccountRef", c.bankAccountListId);
        ctx.ref(w, "PayeeEntityRef", c.payeeListId);
        w.leaf("RefNumber", c.refNumber)
                .leaf("TxnDate", c.txnDate.toString())
                .leaf("Amount", ctx.amount(c.total(ctx.data.currency)))
                .leaf("Memo", c.memo);
        if (c.address != null) {
            c.address.write(w, "Address");
        }
        w.leaf("IsToBePrinted", c.toBePrinted).leaf("ExternalGUID", c.externalGuid);
        if (lines) {
            for (CheckEntity.ExpenseLine line : c.lines) {
                if (line.itemListId != null) {
                    continue;
                }
                w.open("ExpenseLineRet").leaf("TxnLineID", line.txnLineId);
                ctx.ref(w, "AccountRef", line.accountListId);
                w.leaf("Amount", ctx.amount(line.amount)).leaf("Memo", line.memo);
                ctx.ref(w, "CustomerRef", line.customerListId);
                w.close();
            }
            for (CheckEntity.ExpenseLine line : c.lines) {
                if (line.itemListId == null) {
                    continue;
                }
                w.open("ItemLineRet").leaf("TxnLineID", line.txnLineId);
                ctx.ref(w, "ItemRef", line.itemListId);
                w.leaf("Desc", line.memo).leaf("Amount", ctx.amount(line.amount));
                ctx.ref(w, "CustomerRef", line.customerListId);
                w.close();
            }
        }
        return w.root();
    }
}
