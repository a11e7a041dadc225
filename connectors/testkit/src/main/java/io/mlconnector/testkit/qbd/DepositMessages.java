package io.mlconnector.testkit.qbd;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * DepositAdd and DepositQuery. A line with PaymentTxnID moves a payment out of Undeposited Funds;
 * a line with AccountRef and Amount adds (or, negative, takes away, e.g. a fee) money from another
 * account.
 */
final class DepositMessages {

    private static final String TXN = "Deposit";

    private DepositMessages() {
    }

    static void register(Map<String, MessageHandler> handlers) {
        handlers.put("DepositAddRq", DepositMessages::add);
        handlers.put("DepositQueryRq", DepositMessages::query);
    }

    private static void add(Element rq, MessageContext ctx, QbResponse response) {
        Element add = Xml.child(rq, "DepositAdd");
        DepositEntity deposit = new DepositEntity();
        String txnDate = Xml.text(add, "TxnDate");
        deposit.txnDate = txnDate == null ? ctx.data.today() : QbValues.date(txnDate, "TxnDate");
        deposit.depositToAccountListId = ctx.account(Xml.child(add, "DepositToAccountRef"), TXN).listId;
        deposit.memo = Xml.text(add, "Memo");
        deposit.externalGuid = Xml.text(add, "ExternalGUID");
        Element cashBack = Xml.child(add, "CashBackInfoAdd");
        if (cashBack != null) {
            deposit.cashBackAccountListId = ctx.account(Xml.child(cashBack, "AccountRef"), TXN).listId;
            deposit.cashBackMemo = Xml.text(cashBack, "Memo");
            String amount = Xml.text(cashBack, "Amount");
            deposit.cashBackAmount = amount == null ? ctx.zero() : ctx.amount(amount);
        }
        Set<String> paymentsInThisDeposit = new HashSet<>();
        for (Element lineAdd : Xml.children(add, "DepositLineAdd")) {
            DepositEntity.Line line = new DepositEntity.Line();
            line.txnLineId = ctx.data.newTxnId();
            String paymentTxnId = Xml.text(lineAdd, "PaymentTxnID");
            if (paymentTxnId != null) {
                PaymentEntity payment = depositablePayment(paymentTxnId, ctx);
                if (!paymentsInThisDeposit.add(paymentTxnId)) {
                    throw QbStatusException.cannotSave(TXN, "Payment " + paymentTxnId + " appears twice.");
                }
                line.paymentTxnId = paymentTxnId;
                line.entityListId = payment.customerListId;
                line.accountListId = payment.depositToAccountListId;
                String overrideMemo = Xml.text(lineAdd, "OverrideMemo");
                line.memo = overrideMemo != null ? overrideMemo : payment.memo;
                String overrideCheck = Xml.text(lineAdd, "OverrideCheckNumber");
                line.checkNumber = overrideCheck != null ? overrideCheck : payment.refNumber;
                line.paymentMethodListId = payment.paymentMethodListId;
                line.amount = payment.totalAmount;
            } else {
                Element entityRef = Xml.child(lineAdd, "EntityRef");
                line.entityListId = entityRef == null ? null : ctx.customer(entityRef, TXN).listId;
                line.accountListId = ctx.account(Xml.child(lineAdd, "AccountRef"), TXN).listId;
                line.memo = Xml.text(lineAdd, "Memo");
                line.checkNumber = Xml.text(lineAdd, "CheckNumber");
                Element method = Xml.child(lineAdd, "PaymentMethodRef");
                line.paymentMethodListId = method == null ? null : ctx.paymentMethod(method, TXN).listId;
                String amount = Xml.text(lineAdd, "Amount");
                line.amount = amount == null ? ctx.zero() : ctx.amount(amount);
            }
            deposit.lines.add(line);
        }
        ctx.data.stampNew(deposit);
        ctx.data.deposits.put(deposit.txnId, deposit);
        for (String paymentTxnId : paymentsInThisDeposit) {
            PaymentEntity payment = ctx.data.payments.get(paymentTxnId);
            payment.depositTxnId = deposit.txnId;
            ctx.data.touch(payment);
        }
        response.add(ret(response, ctx, deposit, true));
    }

    /** Only a payment still sitting in Undeposited Funds can be deposited. */
    private static PaymentEntity depositablePayment(String txnId, MessageContext ctx) {
        PaymentEntity payment = ctx.data.payments.get(txnId);
        if (payment == null) {
            throw QbStatusException.notFound(txnId);
        }
        if (payment.depositTxnId != null) {
            throw QbStatusException.cannotSave(TXN, "Payment " + txnId + " has already been deposited.");
        }
        AccountEntity undeposited = ctx.undepositedFunds();
        if (undeposited == null || !undeposited.listId.equals(payment.depositToAccountListId)) {
            throw QbStatusException.cannotSave(TXN, "Payment " + txnId + " is not in Undeposited Funds.");
        }
        return payment;
    }

    private static void query(Element rq, MessageContext ctx, QbResponse response) {
        Selection<DepositEntity> selection = TxnFilters.select(rq, ctx.data.deposits.values(), ctx, d -> true);
        boolean lines = QueryResults.flag(rq, "IncludeLineItems");
        List<String> ids = selection.items().stream().map(t -> t.txnId).toList();
        QueryResults.respond(response, rq, "DepositQueryRq", ctx, ids, id -> {
            DepositEntity deposit = ctx.data.deposits.get(id);
            return deposit == null ? null : ret(response, ctx, deposit, lines);
        }, selection.missing());
    }

    static Element ret(QbResponse response, MessageContext ctx, DepositEntity d, boolean lines) {
        RetWriter w = response.ret("DepositRet")
                .leaf("TxnID", d.txnId)
                .leaf("TimeCreated", QbValues.dateTime(d.timeCreated, ctx.data.zone()))
                .leaf("TimeModified", QbValues.dateTime(d.timeModified, ctx.data.zone()))
                .leaf("EditSequence", d.editSequence)
                .leaf("TxnNumber", d.txnNumber)
                .leaf("TxnDate", d.txnDate.toString());
        ctx.ref(w, "DepositToAccountRef", d.depositToAccountListId);
        w.leaf("Memo", d.memo).leaf("DepositTotal", ctx.amount(d.total(ctx.data.currency)));
        if (d.cashBackAmount != null) {
            w.open("CashBackInfoRet").leaf("TxnLineID", d.txnId);
            ctx.ref(w, "AccountRef", d.cashBackAccountListId);
            w.leaf("Memo", d.cashBackMemo).leaf("Amount", ctx.amount(d.cashBackAmount)).close();
        }
        w.leaf("ExternalGUID", d.externalGuid);
        if (lines) {
            for (DepositEntity.Line line : d.lines) {
                w.open("DepositLineRet");
                if (line.paymentTxnId != null) {
                    w.leaf("TxnType", "ReceivePayment").leaf("TxnID", line.paymentTxnId);
                }
                w.leaf("TxnLineID", line.txnLineId);
                ctx.ref(w, "EntityRef", line.entityListId);
                ctx.ref(w, "AccountRef", line.accountListId);
                w.leaf("Memo", line.memo).leaf("CheckNumber", line.checkNumber);
                ctx.ref(w, "PaymentMethodRef", line.paymentMethodListId);
                w.leaf("Amount", ctx.amount(line.amount)).close();
            }
        }
        return w.root();
    }
}
