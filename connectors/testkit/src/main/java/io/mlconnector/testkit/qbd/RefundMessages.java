package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * ARRefundCreditCardAdd and ARRefundCreditCardQuery: paying a customer back out of a credit memo
 * or the unused part of a payment. The money leaves RefundFromAccountRef (the first bank account
 * when absent).
 */
final class RefundMessages {

    private static final String TXN = "ARRefundCreditCard";

    private RefundMessages() {
    }

    static void register(Map<String, MessageHandler> handlers) {
        handlers.put("ARRefundCreditCardAddRq", RefundMessages::add);
        handlers.put("ARRefundCreditCardQueryRq", RefundMessages::query);
    }

    private static void add(Element rq, MessageContext ctx, QbResponse response) {
        Element add = Xml.child(rq, "ARRefundCreditCardAdd");
        RefundEntity refund = new RefundEntity();
        refund.customerListId = ctx.customer(Xml.child(add, "CustomerRef"), TXN).listId;
        refund.refundFromAccountListId = ctx.accountOr(Xml.child(add, "RefundFromAccountRef"),
                ctx::bank, TXN).listId;
        refund.arAccountListId = ctx.accountOr(Xml.child(add, "ARAccountRef"), ctx::receivables, TXN).listId;
        String txnDate = Xml.text(add, "TxnDate");
        refund.txnDate = txnDate == null ? ctx.data.today() : QbValues.date(txnDate, "TxnDate");
        refund.refNumber = Xml.text(add, "RefNumber");
        refund.address = QbAddress.from(Xml.child(add, "Address"));
        Element method = Xml.child(add, "PaymentMethodRef");
        refund.paymentMethodListId = method == null ? null : ctx.paymentMethod(method, TXN).listId;
        refund.memo = Xml.text(add, "Memo");
        refund.externalGuid = Xml.text(add, "ExternalGUID");
        for (Element applied : Xml.children(add, "RefundAppliedToTxnAdd")) {
            String txnId = Xml.text(applied, "TxnID");
            Money amount = ctx.amount(Xml.text(applied, "RefundAmount"));
            Money available = creditAvailable(txnId, refund.customerListId, ctx);
            if (amount.compareTo(available) > 0) {
                throw QbStatusException.cannotSave(TXN, "The refund amount exceeds the credit remaining on "
                        + txnId + ".");
            }
            refund.applications.add(new RefundEntity.Application(txnId, amount));
        }
        ctx.data.stampNew(refund);
        ctx.data.refunds.put(refund.txnId, refund);
        for (RefundEntity.Application application : refund.applications) {
            ctx.data.touch(ctx.data.anyTxn(application.creditTxnId()));
        }
        response.add(ret(response, ctx, refund, true));
    }

    /** The credit left on a credit memo or payment of this customer. */
    private static Money creditAvailable(String txnId, String customerListId, MessageContext ctx) {
        CreditMemoEntity creditMemo = ctx.data.creditMemos.get(txnId);
        if (creditMemo != null && creditMemo.customerListId.equals(customerListId)) {
            return ctx.ledger.creditRemaining(creditMemo);
        }
        PaymentEntity payment = ctx.data.payments.get(txnId);
        if (payment != null && payment.customerListId.equals(customerListId)) {
            return ctx.ledger.unusedPayment(payment);
        }
        throw QbStatusException.notFound(txnId);
    }

    private static void query(Element rq, MessageContext ctx, QbResponse response) {
        Selection<RefundEntity> selection = TxnFilters.select(rq, ctx.data.refunds.values(), ctx, r -> true);
        boolean lines = QueryResults.flag(rq, "IncludeLineItems");
        List<String> ids = selection.items().stream().map(t -> t.txnId).toList();
        QueryResults.respond(response, rq, "ARRefundCreditCardQueryRq", ctx, ids, id -> {
            RefundEntity refund = ctx.data.refunds.get(id);
            return refund == null ? null : ret(response, ctx, refund, lines);
        }, selection.missing());
    }

    static Element ret(QbResponse response, MessageContext ctx, RefundEntity r, boolean lines) {
        RetWriter w = response.ret("ARRefundCreditCardRet")
                .leaf("TxnID", r.txnId)
                .leaf("TimeCreated", QbValues.dateTime(r.timeCreated, ctx.data.zone()))
                .leaf("TimeModified", QbValues.dateTime(r.timeModified, ctx.data.zone()))
                .leaf("EditSequence", r.editSequence)
                .leaf("TxnNumber", r.txnNumber);
        ctx.ref(w, "CustomerRef", r.customerListId);
        ctx.ref(w, "RefundFromAccountRef", r.refundFromAccountListId);
        ctx.ref(w, "ARAccountRef", r.arAccountListId);
        w.leaf("TxnDate", r.txnDate.toString())
                .leaf("RefNumber", r.refNumber)
                .leaf("TotalAmount", ctx.amount(r.total(ctx.data.currency)));
        if (r.address != null) {
            r.address.write(w, "Address");
        }
        ctx.ref(w, "PaymentMethodRef", r.paymentMethodListId);
        w.leaf("Memo", r.memo).leaf("ExternalGUID", r.externalGuid);
        if (lines) {
            for (RefundEntity.Application application : r.applications) {
                TxnEntity credit = ctx.data.anyTxn(application.creditTxnId());
                Money remaining = credit instanceof CreditMemoEntity creditMemo
                        ? ctx.ledger.creditRemaining(creditMemo)
                        : credit instanceof PaymentEntity payment ? ctx.ledger.unusedPayment(payment) : ctx.zero();
                w.open("RefundAppliedToTxnRet")
                        .leaf("TxnID", application.creditTxnId())
                        .leaf("TxnType", credit == null ? null : credit.txnType())
                        .leaf("TxnDate", credit == null ? null : credit.txnDate.toString())
                        .leaf("RefNumber", credit == null ? null : credit.refNumber)
                        .leaf("CreditRemaining", ctx.amount(remaining))
                        .leaf("RefundAmount", ctx.amount(application.amount()))
                        .close();
            }
        }
        return w.root();
    }
}
