package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** InvoiceAdd, InvoiceMod and InvoiceQuery. */
final class InvoiceMessages {

    private InvoiceMessages() {
    }

    static void register(Map<String, MessageHandler> handlers) {
        handlers.put("InvoiceAddRq", InvoiceMessages::add);
        handlers.put("InvoiceModRq", InvoiceMessages::mod);
        handlers.put("InvoiceQueryRq", InvoiceMessages::query);
    }

    private static void add(Element rq, MessageContext ctx, QbResponse response) {
        Element add = Xml.child(rq, "InvoiceAdd");
        InvoiceEntity invoice = new InvoiceEntity();
        SalesHeaders.forAdd(add, invoice, ctx);
        for (Element lineAdd : Xml.children(add, "InvoiceLineAdd")) {
            invoice.lines.add(SalesLines.fromAdd(lineAdd, ctx, "Invoice"));
        }
        for (Element group : Xml.children(add, "InvoiceLineGroupAdd")) {
            // No item groups exist in the simulated company file.
            ctx.item(Xml.child(group, "ItemGroupRef"), "Invoice");
        }
        if (invoice.refNumber == null) {
            invoice.refNumber = ctx.data.nextInvoiceRefNumber();
        } else {
            ctx.data.noteInvoiceRefNumber(invoice.refNumber);
        }
        ctx.data.stampNew(invoice);
        invoice.credits = setCredits(add, invoice, ctx);
        ctx.data.invoices.put(invoice.txnId, invoice);
        response.add(ret(response, ctx, invoice, true, false));
    }

    private static void mod(Element rq, MessageContext ctx, QbResponse response) {
        Element mod = Xml.child(rq, "InvoiceMod");
        InvoiceEntity invoice = ListChecks.forTxnMod(ctx.data.invoices, Xml.text(mod, "TxnID"),
                Xml.text(mod, "EditSequence"));
        SalesHeaders.forMod(mod, invoice, ctx);
        List<Element> lineMods = Xml.children(mod, "InvoiceLineMod");
        if (!lineMods.isEmpty() || !Xml.children(mod, "InvoiceLineGroupMod").isEmpty()) {
            // Lines not named in the Mod are removed, as in QuickBooks.
            Map<String, SalesLine> existing = new HashMap<>();
            for (SalesLine line : invoice.lines) {
                existing.put(line.txnLineId, line);
            }
            List<SalesLine> lines = new ArrayList<>();
            for (Element lineMod : lineMods) {
                String txnLineId = Xml.text(lineMod, "TxnLineID");
                SalesLine line;
                if (txnLineId.equals("-1")) {
                    line = SalesLines.fromAdd(lineMod, ctx, "Invoice");
                } else {
                    line = existing.get(txnLineId);
                    if (line == null) {
                        throw QbStatusException.notFound(txnLineId);
                    }
                    SalesLines.update(line, lineMod, ctx, "Invoice");
                }
                lines.add(line);
            }
            invoice.lines = lines;
        }
        if (!Xml.children(mod, "SetCredit").isEmpty()) {
            invoice.credits.addAll(setCredits(mod, invoice, ctx));
        }
        if (ctx.ledger.invoiceBalance(invoice).minorUnits() < 0) {
            throw QbStatusException.cannotSave("Invoice",
                    "The transaction total is less than the amount already applied to it.");
        }
        ctx.data.touch(invoice);
        response.add(ret(response, ctx, invoice, true, false));
    }

    /** SetCredit elements: credit memos of the same customer used against this invoice. */
    static List<PaymentEntity.CreditUse> setCredits(Element source, InvoiceEntity invoice, MessageContext ctx) {
        List<PaymentEntity.CreditUse> uses = new ArrayList<>();
        for (Element setCredit : Xml.children(source, "SetCredit")) {
            String creditTxnId = Xml.text(setCredit, "CreditTxnID");
            CreditMemoEntity creditMemo = ctx.data.creditMemos.get(creditTxnId);
            if (creditMemo == null || !creditMemo.customerListId.equals(invoice.customerListId)) {
                throw QbStatusException.notFound(creditTxnId);
            }
            Money amount = ctx.amount(Xml.text(setCredit, "AppliedAmount"));
            if (amount.compareTo(ctx.ledger.creditRemaining(creditMemo)) > 0) {
                throw QbStatusException.cannotSave("Invoice", "The credit applied exceeds the credit remaining.");
            }
            uses.add(new PaymentEntity.CreditUse(creditTxnId, amount));
            ctx.data.touch(creditMemo);
        }
        return uses;
    }

    private static void query(Element rq, MessageContext ctx, QbResponse response) {
        String paidStatus = Xml.text(rq, "PaidStatus");
        Selection<InvoiceEntity> selection = TxnFilters.select(rq, ctx.data.invoices.values(), ctx, invoice -> {
            if (paidStatus == null || paidStatus.equals("All")) {
                return true;
            }
            boolean paid = ctx.ledger.invoiceBalance(invoice).isZero();
            return switch (paidStatus) {
                case "PaidOnly" -> paid;
                case "NotPaidOnly" -> !paid;
                default -> throw ListFilters.unsupportedEnum(paidStatus, "PaidStatus");
            };
        });
        boolean lines = QueryResults.flag(rq, "IncludeLineItems");
        boolean linked = QueryResults.flag(rq, "IncludeLinkedTxns");
        List<String> ids = selection.items().stream().map(t -> t.txnId).toList();
        QueryResults.respond(response, rq, "InvoiceQueryRq", ctx, ids, id -> {
            InvoiceEntity invoice = ctx.data.invoices.get(id);
            return invoice == null ? null : ret(response, ctx, invoice, lines, linked);
        }, selection.missing());
    }

    static Element ret(QbResponse response, MessageContext ctx, InvoiceEntity invoice, boolean lines,
            boolean linked) {
        RetWriter w = response.ret("InvoiceRet");
        SalesHeaders.writeCore(w, invoice, ctx);
        Money applied = ctx.ledger.invoiceApplied(invoice);
        Money balance = ctx.ledger.invoiceBalance(invoice);
        w.leaf("IsFinanceCharge", false)
                .leaf("PONumber", invoice.poNumber)
                .leaf("DueDate", invoice.dueDate.toString())
                .leaf("Subtotal", ctx.amount(invoice.subtotal(ctx.data.currency)))
                .leaf("SalesTaxPercentage", "0.00")
                .leaf("SalesTaxTotal", ctx.amount(ctx.zero()))
                // QuickBooks reports the amount applied to an invoice as a negative number.
                .leaf("AppliedAmount", ctx.amount(applied.negate()))
                .leaf("BalanceRemaining", ctx.amount(balance))
                .leaf("Memo", invoice.memo)
                .leaf("IsPaid", balance.isZero())
                .leaf("IsToBePrinted", invoice.toBePrinted)
                .leaf("IsToBeEmailed", invoice.toBeEmailed)
                .leaf("ExternalGUID", invoice.externalGuid);
        if (linked) {
            LinkedTxns.write(w, ctx.ledger.invoiceLinks(invoice.txnId), ctx);
        }
        if (lines) {
            SalesLines.writeLines(w, "InvoiceLineRet", invoice.lines, ctx);
        }
        return w.root();
    }
}
