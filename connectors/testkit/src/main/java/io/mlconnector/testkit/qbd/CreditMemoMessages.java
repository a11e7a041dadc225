package io.mlconnector.testkit.qbd;

import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** CreditMemoAdd and CreditMemoQuery. */
final class CreditMemoMessages {

    private CreditMemoMessages() {
    }

    static void register(Map<String, MessageHandler> handlers) {
        handlers.put("CreditMemoAddRq", CreditMemoMessages::add);
        handlers.put("CreditMemoQueryRq", CreditMemoMessages::query);
    }

    private static void add(Element rq, MessageContext ctx, QbResponse response) {
        Element add = Xml.child(rq, "CreditMemoAdd");
        CreditMemoEntity creditMemo = new CreditMemoEntity();
        SalesHeaders.forAdd(add, creditMemo, ctx);
        for (Element lineAdd : Xml.children(add, "CreditMemoLineAdd")) {
            creditMemo.lines.add(SalesLines.fromAdd(lineAdd, ctx, "CreditMemo"));
        }
        for (Element group : Xml.children(add, "CreditMemoLineGroupAdd")) {
            ctx.item(Xml.child(group, "ItemGroupRef"), "CreditMemo");
        }
        if (creditMemo.refNumber == null) {
            creditMemo.refNumber = ctx.data.nextCreditMemoRefNumber();
        } else {
            ctx.data.noteCreditMemoRefNumber(creditMemo.refNumber);
        }
        ctx.data.stampNew(creditMemo);
        ctx.data.creditMemos.put(creditMemo.txnId, creditMemo);
        response.add(ret(response, ctx, creditMemo, true, false));
    }

    private static void query(Element rq, MessageContext ctx, QbResponse response) {
        Selection<CreditMemoEntity> selection = TxnFilters.select(rq, ctx.data.creditMemos.values(), ctx, c -> true);
        boolean lines = QueryResults.flag(rq, "IncludeLineItems");
        boolean linked = QueryResults.flag(rq, "IncludeLinkedTxns");
        List<String> ids = selection.items().stream().map(t -> t.txnId).toList();
        QueryResults.respond(response, rq, "CreditMemoQueryRq", ctx, ids, id -> {
            CreditMemoEntity creditMemo = ctx.data.creditMemos.get(id);
            return creditMemo == null ? null : ret(response, ctx, creditMemo, lines, linked);
        }, selection.missing());
    }

    static Element ret(QbResponse response, MessageContext ctx, CreditMemoEntity creditMemo, boolean lines,
            boolean linked) {
        RetWriter w = response.ret("CreditMemoRet");
        SalesHeaders.writeCore(w, creditMemo, ctx);
        String total = ctx.amount(creditMemo.subtotal(ctx.data.currency));
        w.leaf("PONumber", creditMemo.poNumber)
                .leaf("DueDate", creditMemo.dueDate.toString())
                .leaf("Subtotal", total)
                .leaf("SalesTaxPercentage", "0.00")
                .leaf("SalesTaxTotal", ctx.amount(ctx.zero()))
                .leaf("TotalAmount", total)
                .leaf("CreditRemaining", ctx.amount(ctx.ledger.creditRemaining(creditMemo)))
                .leaf("Memo", creditMemo.memo)
                .leaf("IsToBePrinted", creditMemo.toBePrinted)
                .leaf("IsToBeEmailed", creditMemo.toBeEmailed)
                .leaf("ExternalGUID", creditMemo.externalGuid);
        if (linked) {
            LinkedTxns.write(w, ctx.ledger.creditMemoLinks(creditMemo.txnId), ctx);
        }
        if (lines) {
            SalesLines.writeLines(w, "CreditMemoLineRet", creditMemo.lines, ctx);
        }
        return w.root();
    }
}
