package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * ReceivePaymentAdd, ReceivePaymentMod and ReceivePaymentQuery. A payment lands in Undeposited
 * Funds unless DepositToAccountRef says otherwise; applying it reduces the invoices' open balances
 * and changes their EditSequence; what is not applied stays as an unused (credit) amount.
 */
final class ReceivePaymentMessages {

    private static final String TXN = "ReceivePayment";

    private ReceivePaymentMessages() {
    }

    static void register(Map<String, MessageHandler> handlers) {
        handlers.put("ReceivePaymentAddRq", ReceivePaymentMessages::add);
        handlers.put("ReceivePaymentModRq", ReceivePaymentMessages::mod);
        handlers.put("ReceivePaymentQueryRq", ReceivePaymentMessages::query);
    }

    private static void add(Element rq, MessageContext ctx, QbResponse response) {
        Element add = Xml.child(rq, "ReceivePaymentAdd");
        PaymentEntity payment = new PaymentEntity();
        payment.customerListId = ctx.customer(Xml.child(add, "CustomerRef"), TXN).listId;
        payment.arAccountListId = ctx.accountOr(Xml.child(add, "ARAccountRef"), ctx::receivables, TXN).listId;
        String txnDate = Xml.text(add, "TxnDate");
        payment.txnDate = txnDate == null ? ctx.data.today() : QbValues.date(txnDate, "TxnDate");
        payment.refNumber = Xml.text(add, "RefNumber");
        Element method = Xml.child(add, "PaymentMethodRef");
        payment.paymentMethodListId = method == null ? null : ctx.paymentMethod(method, TXN).listId;
        payment.memo = Xml.text(add, "Memo");
        payment.depositToAccountListId =
                ctx.accountOr(Xml.child(add, "DepositToAccountRef"), ctx::undepositedFunds, TXN).listId;
        payment.externalGuid = Xml.text(add, "ExternalGUID");

        List<Element> applied = Xml.children(add, "AppliedToTxnAdd");
        String total = Xml.text(add, "TotalAmount");
        if (!applied.isEmpty()) {
            payment.applications = applications(applied, payment, ctx);
            payment.totalAmount = total != null ? ctx.amount(total) : sumApplied(payment, ctx);
        } else {
            payment.totalAmount = total != null ? ctx.amount(total) : ctx.zero();
            if (QbValues.bool(Xml.text(add, "IsAutoApply"), "IsAutoApply")) {
                payment.applications = autoApply(payment, ctx);
            }
        }
        requireCovered(payment, ctx);
        ctx.data.stampNew(payment);
        ctx.data.payments.put(payment.txnId, payment);
        touchTargets(payment, ctx);
        response.add(ret(response, ctx, payment, true));
    }

    private static void mod(Element rq, MessageContext ctx, QbResponse response) {
        Element mod = Xml.child(rq, "ReceivePaymentMod");
        PaymentEntity payment = ListChecks.forTxnMod(ctx.data.payments, Xml.text(mod, "TxnID"),
                Xml.text(mod, "EditSequence"));
        List<String> before = targets(payment);
        Element customerRef = Xml.child(mod, "CustomerRef");
        if (customerRef != null) {
            payment.customerListId = ctx.customer(customerRef, TXN).listId;
        }
        String txnDate = Xml.text(mod, "TxnDate");
        if (txnDate != null) {
            payment.txnDate = QbValues.date(txnDate, "TxnDate");
        }
        String ref = Xml.text(mod, "RefNumber");
        if (ref != null) {
            payment.refNumber = ref;
        }
        String total = Xml.text(mod, "TotalAmount");
        if (total != null) {
            payment.totalAmount = ctx.amount(total);
        }
        Element method = Xml.child(mod, "PaymentMethodRef");
        if (method != null) {
            payment.paymentMethodListId = ctx.paymentMethod(method, TXN).listId;
        }
        String memo = Xml.text(mod, "Memo");
        if (memo != null) {
            payment.memo = memo;
        }
        Element depositTo = Xml.child(mod, "DepositToAccountRef");
        if (depositTo != null) {
            if (payment.depositTxnId != null) {
                throw QbStatusException.cannotSave(TXN, "The payment has been deposited; its account cannot change.");
            }
            payment.depositToAccountListId = ctx.account(depositTo, TXN).listId;
        }
        List<Element> appliedMods = Xml.children(mod, "AppliedToTxnMod");
        if (!appliedMods.isEmpty()) {
            // The Mod names every application the payment keeps; the others are removed.
            payment.applications = applications(appliedMods, payment, ctx);
        }
        requireCovered(payment, ctx);
        ctx.data.touch(payment);
        for (String target : before) {
            touch(target, ctx);
        }
        touchTargets(payment, ctx);
        response.add(ret(response, ctx, payment, true));
    }

    /**
     * Reads AppliedToTxnAdd / AppliedToTxnMod elements. Each invoice may receive at most its open
     * balance, counted without this payment's own earlier applications.
     */
    private static List<PaymentEntity.Application> applications(List<Element> elements, PaymentEntity payment,
            MessageContext ctx) {
        List<PaymentEntity.Application> result = new ArrayList<>();
        for (Element element : elements) {
            String txnId = Xml.text(element, "TxnID");
            InvoiceEntity invoice = ctx.data.invoices.get(txnId);
            if (invoice == null) {
                throw QbStatusException.notFound(txnId);
            }
            if (!invoice.customerListId.equals(payment.customerListId)) {
                throw QbStatusException.cannotSave(TXN, "The transaction it is applied to belongs to another customer.");
            }
            PaymentEntity.Application application = new PaymentEntity.Application();
            application.targetTxnId = txnId;
            String amount = Xml.text(element, "PaymentAmount");
            application.amount = amount == null ? ctx.zero() : ctx.amount(amount);
            for (Element setCredit : Xml.children(element, "SetCredit")) {
                application.credits.add(creditUse(setCredit, payment, ctx));
            }
            result.add(application);
            Money open = ctx.ledger.invoiceBalanceExcluding(invoice, payment.txnId);
            if (appliedTo(result, txnId, ctx).compareTo(open) > 0) {
                throw QbStatusException.cannotSave(TXN,
                        "The amount applied exceeds the open balance of transaction " + txnId + ".");
            }
        }
        return result;
    }

    private static Money appliedTo(List<PaymentEntity.Application> applications, String txnId, MessageContext ctx) {
        Money total = ctx.zero();
        for (PaymentEntity.Application application : applications) {
            if (application.targetTxnId.equals(txnId)) {
                total = total.plus(application.amount);
                for (PaymentEntity.CreditUse credit : application.credits) {
                    total = total.plus(credit.amount());
                }
            }
        }
        return total;
    }

    private static PaymentEntity.CreditUse creditUse(Element setCredit, PaymentEntity payment, MessageContext ctx) {
        String creditTxnId = Xml.text(setCredit, "CreditTxnID");
        CreditMemoEntity creditMemo = ctx.data.creditMemos.get(creditTxnId);
        if (creditMemo == null || !creditMemo.customerListId.equals(payment.customerListId)) {
            throw QbStatusException.notFound(creditTxnId);
        }
        Money amount = ctx.amount(Xml.text(setCredit, "AppliedAmount"));
        if (amount.compareTo(ctx.ledger.creditRemaining(creditMemo)) > 0) {
            throw QbStatusException.cannotSave(TXN, "The credit applied exceeds the credit remaining.");
        }
        return new PaymentEntity.CreditUse(creditTxnId, amount);
    }

    /**
     * IsAutoApply: an open invoice whose balance equals the payment takes all of it; otherwise the
     * payment pays the oldest open invoices first.
     */
    private static List<PaymentEntity.Application> autoApply(PaymentEntity payment, MessageContext ctx) {
        List<InvoiceEntity> open = ctx.data.invoices.values().stream()
                .filter(i -> i.customerListId.equals(payment.customerListId))
                .filter(i -> ctx.ledger.invoiceBalance(i).minorUnits() > 0)
                .sorted(Comparator.comparing((InvoiceEntity i) -> i.txnDate).thenComparingInt(i -> i.txnNumber))
                .toList();
        List<PaymentEntity.Application> result = new ArrayList<>();
        for (InvoiceEntity invoice : open) {
            if (ctx.ledger.invoiceBalance(invoice).equals(payment.totalAmount)) {
                result.add(application(invoice.txnId, payment.totalAmount));
                return result;
            }
        }
        Money left = payment.totalAmount;
        for (InvoiceEntity invoice : open) {
            if (left.minorUnits() <= 0) {
                break;
            }
            Money balance = ctx.ledger.invoiceBalance(invoice);
            Money amount = balance.compareTo(left) <= 0 ? balance : left;
            result.add(application(invoice.txnId, amount));
            left = left.minus(amount);
        }
        return result;
    }

    private static PaymentEntity.Application application(String txnId, Money amount) {
        PaymentEntity.Application application = new PaymentEntity.Application();
        application.targetTxnId = txnId;
        application.amount = amount;
        return application;
    }

    private static Money sumApplied(PaymentEntity payment, MessageContext ctx) {
        Money sum = ctx.zero();
        for (PaymentEntity.Application application : payment.applications) {
            sum = sum.plus(application.amount);
        }
        return sum;
    }

    private static void requireCovered(PaymentEntity payment, MessageContext ctx) {
        if (sumApplied(payment, ctx).compareTo(payment.totalAmount) > 0) {
            throw QbStatusException.cannotSave(TXN, "The amount applied exceeds the amount of the payment.");
        }
    }

    private static List<String> targets(PaymentEntity payment) {
        List<String> ids = new ArrayList<>();
        for (PaymentEntity.Application application : payment.applications) {
            ids.add(application.targetTxnId);
            for (PaymentEntity.CreditUse credit : application.credits) {
                ids.add(credit.creditTxnId());
            }
        }
        return ids;
    }

    /** Applying a payment changes the invoices and credits it touches, as QuickBooks records it. */
    private static void touchTargets(PaymentEntity payment, MessageContext ctx) {
        for (String txnId : targets(payment)) {
            touch(txnId, ctx);
        }
    }

    private static void touch(String txnId, MessageContext ctx) {
        TxnEntity txn = ctx.data.anyTxn(txnId);
        if (txn != null) {
            ctx.data.touch(txn);
        }
    }

    private static void query(Element rq, MessageContext ctx, QbResponse response) {
        Selection<PaymentEntity> selection = TxnFilters.select(rq, ctx.data.payments.values(), ctx, p -> true);
        boolean lines = QueryResults.flag(rq, "IncludeLineItems");
        List<String> ids = selection.items().stream().map(t -> t.txnId).toList();
        QueryResults.respond(response, rq, "ReceivePaymentQueryRq", ctx, ids, id -> {
            PaymentEntity payment = ctx.data.payments.get(id);
            return payment == null ? null : ret(response, ctx, payment, lines);
        }, selection.missing());
    }

    static Element ret(QbResponse response, MessageContext ctx, PaymentEntity p, boolean applied) {
        RetWriter w = response.ret("ReceivePaymentRet")
                .leaf("TxnID", p.txnId)
                .leaf("TimeCreated", QbValues.dateTime(p.timeCreated, ctx.data.zone()))
                .leaf("TimeModified", QbValues.dateTime(p.timeModified, ctx.data.zone()))
                .leaf("EditSequence", p.editSequence)
                .leaf("TxnNumber", p.txnNumber);
        ctx.ref(w, "CustomerRef", p.customerListId);
        ctx.ref(w, "ARAccountRef", p.arAccountListId);
        w.leaf("TxnDate", p.txnDate.toString())
                .leaf("RefNumber", p.refNumber)
                .leaf("TotalAmount", ctx.amount(p.totalAmount));
        ctx.ref(w, "PaymentMethodRef", p.paymentMethodListId);
        w.leaf("Memo", p.memo);
        ctx.ref(w, "DepositToAccountRef", p.depositToAccountListId);
        w.leaf("UnusedPayment", ctx.amount(ctx.ledger.unusedPayment(p)))
                .leaf("UnusedCredits", ctx.amount(ctx.ledger.unusedCredits(p.customerListId)))
                .leaf("ExternalGUID", p.externalGuid);
        if (applied) {
            for (PaymentEntity.Application application : p.applications) {
                InvoiceEntity invoice = ctx.data.invoices.get(application.targetTxnId);
                w.open("AppliedToTxnRet")
                        .leaf("TxnID", application.targetTxnId)
                        .leaf("TxnType", "Invoice")
                        .leaf("TxnDate", invoice == null ? null : invoice.txnDate.toString())
                        .leaf("RefNumber", invoice == null ? null : invoice.refNumber)
                        .leaf("BalanceRemaining", invoice == null ? null
                                : ctx.amount(ctx.ledger.invoiceBalance(invoice)))
                        .leaf("Amount", ctx.amount(application.amount));
                List<Ledger.Link> credits = new ArrayList<>();
                for (PaymentEntity.CreditUse credit : application.credits) {
                    credits.add(new Ledger.Link(credit.creditTxnId(), "CreditMemo", credit.amount()));
                }
                LinkedTxns.write(w, credits, ctx);
                w.close();
            }
        }
        return w.root();
    }
}
