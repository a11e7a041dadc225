package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.queue.QbAnswer;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.money.Money;
import io.mlconnector.systems.gocardless.GoCardlessPayment;
import io.mlconnector.systems.gocardless.GoCardlessRefund;
import io.mlconnector.systems.qbd.QbAmounts;
import io.mlconnector.systems.qbd.QbDates;
import io.mlconnector.systems.qbd.QbLimits;
import io.mlconnector.systems.qbd.QbRefs;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.QbText;
import io.mlconnector.systems.qbd.xml.ARRefundCreditCardAddRs;
import io.mlconnector.systems.qbd.xml.ARRefundCreditCardQueryRq;
import io.mlconnector.systems.qbd.xml.ARRefundCreditCardQueryRs;
import io.mlconnector.systems.qbd.xml.ARRefundCreditCardRet;
import io.mlconnector.systems.qbd.xml.CreditMemoAdd;
import io.mlconnector.systems.qbd.xml.CreditMemoAddRq;
import io.mlconnector.systems.qbd.xml.CreditMemoAddRs;
import io.mlconnector.systems.qbd.xml.CreditMemoQueryRq;
import io.mlconnector.systems.qbd.xml.CreditMemoQueryRs;
import io.mlconnector.systems.qbd.xml.CreditMemoRet;
import io.mlconnector.systems.qbd.xml.SalesLineAdd;
import io.mlconnector.systems.qbd.xml.TxnDelType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A GoCardless refund into QuickBooks the way QuickBooks books a customer refund: a credit memo for
 * the refunded amount (item from the settings), then an ARRefundCreditCard that pays that credit out
 * of the clearing account, for the customer of the original payment and naming it. Each add is
 * preceded by a search by RefNumber (the refund id), as for payments. A refund that arrives before
 * its payment is in QuickBooks waits in the ledger and resumes when the payment is posted.
 */
final class RefundFlow {

    static final String CREDIT_SEARCH = "refund.credit-search";
    static final String CREDIT_ADD = "refund.credit-add";
    static final String REFUND_SEARCH = "refund.refund-search";
    static final String REFUND_ADD = "refund.refund-add";
    static final String REVERSE_REFUND = "refund.reverse-refund";
    static final String REVERSE_CREDIT = "refund.reverse-credit";
    static final String CREDIT_VERIFY = "refund.credit-verify";
    static final String REMOVE_DUPLICATE_CREDIT = "refund.remove-duplicate-credit";

    private static final Set<String> UNDONE = Set.of("cancelled", "bounced", "failed", "funds_returned");

    private final Flows flows;

    RefundFlow(Flows flows) {
        this.flows = flows;
    }

    void handle(String refundId, String eventId, ConnectorContext ctx) {
        GoCardlessRefund refund = GoCardlessCalls.call(() -> flows.gc(ctx).getRefund(refundId));
        ctx.audit().record(refundId, "refund.read", "ok", eventId, null,
                "GoCardless reports refund " + refundId + " of payment " + refund.paymentId() + " as " + refund.status());
        SyncRecord record = ctx.syncRecords().open(SyncKinds.REFUND, refundId, "GoCardless refund " + refundId
                + " of " + refund.amount() + " on payment " + refund.paymentId());
        Optional<String> posted = ctx.ids().target(LedgerKinds.REFUND, refundId);
        if (UNDONE.contains(refund.status())) {
            undo(refund, eventId, posted, record, ctx);
            return;
        }
        if (posted.isPresent()) {
            if (record.status() != SyncStatus.DONE) {
                ctx.syncRecords().done(SyncKinds.REFUND, refundId, posted.get());
            }
            ctx.audit().record(refundId, "refund.already-recorded", "ok", eventId, posted.get(), null);
            return;
        }
        if (ctx.quickBooks().pending(refundId) > 0) {
            ctx.audit().record(refundId, "refund.in-progress", "ok", eventId, null, null);
            return;
        }
        Optional<String> paymentTxn = ctx.ids().target(LedgerKinds.PAYMENT, refund.paymentId());
        if (paymentTxn.isEmpty()) {
            ctx.ids().replace(LedgerKinds.REFUND_AWAITING_PAYMENT, refundId, refund.paymentId());
            ctx.syncRecords().waitingForQuickBooks(SyncKinds.REFUND, refundId);
            ctx.audit().record(refundId, "refund.waiting-for-payment", "ok", eventId, null,
                    "Recorded once payment " + refund.paymentId() + " is in QuickBooks");
            return;
        }
        GoCardlessPayment payment = GoCardlessCalls.payment(flows.gc(ctx), refund.paymentId(), ctx);
        Optional<String> customer = Optional.ofNullable(payment.customerId())
                .flatMap(c -> ctx.ids().target(LedgerKinds.CUSTOMER, c));
        if (customer.isEmpty()) {
            hold(ctx, refundId, eventId, "The QuickBooks customer of payment " + refund.paymentId()
                    + " is not known any more; pick it for GoCardless customer " + payment.customerId()
                    + ", then replay.");
            return;
        }
        LocalDate date = refund.createdAt() == null ? LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC)
                : LocalDate.ofInstant(refund.createdAt(), ZoneOffset.UTC);
        Step step = Step.of(CREDIT_SEARCH)
                .with("ev", eventId)
                .with("cust", customer.get())
                .with("amt", refund.amount().minorUnits())
                .with("cur", refund.amount().currency())
                .with("pm", refund.paymentId())
                .with("ptx", paymentTxn.get())
                .with("date", date);
        ctx.syncRecords().waitingForQuickBooks(SyncKinds.REFUND, refundId);
        Optional<String> credit = ctx.ids().target(LedgerKinds.REFUND_CREDIT, refundId);
        if (credit.isPresent()) {
            queueRefundSearch(step.next(REFUND_SEARCH).with("cm", credit.get()), refundId, ctx);
        } else {
            queueCreditSearch(step, refundId, ctx);
        }
        ctx.audit().record(refundId, "refund.queued", "queued", eventId, paymentTxn.get(),
                "Recording the refund against QuickBooks payment " + paymentTxn.get());
    }

    /** The payment reached QuickBooks: record the refunds that waited for it. */
    void resume(String paymentId, ConnectorContext ctx) {
        for (String refundId : ctx.ids().takeAll(LedgerKinds.REFUND_AWAITING_PAYMENT, paymentId)) {
            handle(refundId, null, ctx);
        }
    }

    // ------------------------------------------------------------------ credit memo

    private void queueCreditSearch(Step step, String refundId, ConnectorContext ctx) {
        CreditMemoQueryRq query = QbRequests.withRequestId(new CreditMemoQueryRq(),
                QbQueue.requestId("cm-search", refundId));
        query.getRefNumber().add(reference(refundId));
        query.getIncludeRetElement().addAll(List.of("TxnID", "RefNumber", "Memo"));
        QbQueue.send(ctx, query, step, refundId);
    }

    void onCreditSearch(QbAnswer answer, Step step, String refundId, ConnectorContext ctx) {
        if (answer.worthRetrying()) {
            retry(step, refundId, ctx, answer, () -> queueCreditSearch(step.retry(), refundId, ctx));
            return;
        }
        if (!answer.succeeded()) {
            hold(ctx, refundId, step.get("ev"), "QuickBooks could not search its credit memos: " + answer.problem());
            return;
        }
        List<String> credits = creditsCarrying(answer, refundId);
        if (!credits.isEmpty()) {
            String keep = ctx.ids().target(LedgerKinds.REFUND_CREDIT, refundId).filter(credits::contains)
                    .orElse(credits.get(0));
            credits.stream().filter(t -> !t.equals(keep)).forEach(t -> removeDuplicateCredit(refundId, t, step, ctx));
            ctx.ids().put(LedgerKinds.REFUND_CREDIT, refundId, keep);
            queueRefundSearch(step.next(REFUND_SEARCH).with("cm", keep), refundId, ctx);
            return;
        }
        if (stopped(refundId, ctx) || ctx.quickBooks().pending(refundId) > 0) {
            return;
        }
        queueCreditAdd(step.next(CREDIT_ADD), refundId, ctx);
    }

    private static List<String> creditsCarrying(QbAnswer answer, String refundId) {
        return answer.body(CreditMemoQueryRs.class).getCreditMemoRet().stream()
                .filter(c -> c.getMemo() != null && c.getMemo().contains(refundId)).map(CreditMemoRet::getTxnID).toList();
    }

    void onCreditVerify(QbAnswer answer, Step step, String refundId, ConnectorContext ctx) {
        if (!answer.succeeded()) {
            return;
        }
        Optional<String> kept = ctx.ids().target(LedgerKinds.REFUND_CREDIT, refundId);
        if (kept.isPresent()) {
            creditsCarrying(answer, refundId).stream().filter(t -> !t.equals(kept.get()))
                    .forEach(t -> removeDuplicateCredit(refundId, t, step, ctx));
        }
    }

    private void removeDuplicateCredit(String refundId, String txnId, Step step, ConnectorContext ctx) {
        ctx.audit().record(refundId, "refund.duplicate-credit-found", "ok", step.get("ev"), txnId,
                "Credit memo " + txnId + " repeats this refund's credit memo; deleting it");
        QbQueue.send(ctx, QbRequests.txnDel(QbQueue.requestId("cm-dup", refundId), TxnDelType.CREDIT_MEMO, txnId),
                Step.of(REMOVE_DUPLICATE_CREDIT).with("txn", txnId).with("ev", step.get("ev")), refundId);
    }

    void onRemoveDuplicateCredit(QbAnswer answer, Step step, String refundId, ConnectorContext ctx) {
        String txnId = step.require("txn");
        if (answer.worthRetrying() && step.attempt() + 1 < PaymentFlow.MAX_ATTEMPTS) {
            QbQueue.send(ctx, QbRequests.txnDel(QbQueue.requestId("cm-dup", refundId), TxnDelType.CREDIT_MEMO, txnId),
                    step.retry(), refundId);
            return;
        }
        if (answer.succeeded() || answer.notFound()) {
            ctx.audit().record(refundId, "refund.duplicate-credit-removed", "ok", step.get("ev"), txnId, null);
            return;
        }
        hold(ctx, refundId, step.get("ev"), "QuickBooks holds a second credit memo " + txnId + " for this refund and "
                + "did not delete it (" + answer.problem() + "). Delete it in QuickBooks.");
    }

    private void queueCreditAdd(Step step, String refundId, ConnectorContext ctx) {
        ConnectionSettings settings = ConnectionSettings.of(ctx);
        Money amount = Money.ofMinor(step.number("amt"), step.require("cur"));
        CreditMemoAdd add = new CreditMemoAdd();
        add.setCustomerRef(QbRefs.listId(step.require("cust")));
        settings.arAccount().ifPresent(a -> add.setARAccountRef(QbRefs.fullName(a)));
        add.setTxnDate(QbDates.date(LocalDate.parse(step.require("date"))));
        add.setRefNumber(reference(refundId));
        add.setMemo(QbText.memoWithId("GoCardless refund of payment " + step.require("pm"), refundId));
        SalesLineAdd line = new SalesLineAdd();
        line.setItemRef(QbRefs.fullName(settings.refundItem()));
        line.setDesc("GoCardless refund " + refundId + " of payment " + step.require("pm"));
        line.setAmount(QbAmounts.toAmount(amount));
        add.getCreditMemoLineAdd().add(line);
        CreditMemoAddRq rq = QbRequests.withRequestId(new CreditMemoAddRq(), QbQueue.requestId("cm-add", refundId));
        rq.setCreditMemoAdd(add);
        QbQueue.send(ctx, rq, step, refundId);
    }

    void onCreditAdd(QbAnswer answer, Step step, String refundId, ConnectorContext ctx) {
        if (answer.worthRetrying()) {
            retry(step, refundId, ctx, answer,
                    () -> queueCreditSearch(step.next(CREDIT_SEARCH).with("n", step.attempt() + 1), refundId, ctx));
            return;
        }
        if (!answer.succeeded()) {
            hold(ctx, refundId, step.get("ev"), "QuickBooks refused the credit memo for the refund ("
                    + answer.problem() + "). Check that the item \"" + ConnectionSettings.of(ctx).refundItem()
                    + "\" exists in QuickBooks (or change \"Item for refunds\"), then replay.");
            return;
        }
        CreditMemoRet credit = answer.body(CreditMemoAddRs.class).getCreditMemoRet();
        ctx.ids().put(LedgerKinds.REFUND_CREDIT, refundId, credit.getTxnID());
        ctx.audit().record(refundId, "refund.credit-memo-added", "ok", step.get("ev"), credit.getTxnID(),
                "Credit memo " + credit.getTxnID() + " for the refund");
        if (stopped(refundId, ctx)) {
            reverse(refundId, step.get("ev"), ctx);
            return;
        }
        queueRefundAdd(step.next(REFUND_ADD).with("cm", credit.getTxnID()), refundId, ctx);
    }

    // ------------------------------------------------------------------ refund

    private void queueRefundSearch(Step step, String refundId, ConnectorContext ctx) {
        ARRefundCreditCardQueryRq query = QbRequests.withRequestId(new ARRefundCreditCardQueryRq(),
                QbQueue.requestId("rf-search", refundId));
        query.getRefNumber().add(reference(refundId));
        query.getIncludeRetElement().addAll(List.of("TxnID", "RefNumber", "Memo"));
        QbQueue.send(ctx, query, step, refundId);
    }

    void onRefundSearch(QbAnswer answer, Step step, String refundId, ConnectorContext ctx) {
        if (answer.worthRetrying()) {
            retry(step, refundId, ctx, answer, () -> queueRefundSearch(step.retry(), refundId, ctx));
            return;
        }
        if (!answer.succeeded()) {
            hold(ctx, refundId, step.get("ev"), "QuickBooks could not search its refunds: " + answer.problem());
            return;
        }
        Optional<ARRefundCreditCardRet> existing = answer.body(ARRefundCreditCardQueryRs.class)
                .getARRefundCreditCardRet().stream()
                .filter(r -> r.getMemo() != null && r.getMemo().contains(refundId)).findFirst();
        if (existing.isPresent()) {
            recordRefund(refundId, existing.get().getTxnID(), step, true, ctx);
            return;
        }
        if (stopped(refundId, ctx)) {
            reverse(refundId, step.get("ev"), ctx);
            return;
        }
        if (step.get("refused") != null) {
            hold(ctx, refundId, step.get("ev"), "QuickBooks refused the refund (" + step.get("refused") + "). Check "
                    + "that the clearing account \"" + ConnectionSettings.of(ctx).clearingAccount()
                    + "\" exists in QuickBooks, then replay.");
            return;
        }
        if (ctx.quickBooks().pending(refundId) > 0) {
            return;
        }
        queueRefundAdd(step.next(REFUND_ADD), refundId, ctx);
    }

    private void queueRefundAdd(Step step, String refundId, ConnectorContext ctx) {
        ConnectionSettings settings = ConnectionSettings.of(ctx);
        Money amount = Money.ofMinor(step.number("amt"), step.require("cur"));
        var add = QbRequests.refund(QbQueue.requestId("rf-add", refundId))
                .customerListId(step.require("cust"))
                .refundFrom(QbRefs.fullName(settings.clearingAccount()))
                .txnDate(LocalDate.parse(step.require("date")))
                .externalId(refundId)
                .memo("GoCardless refund of payment " + step.require("pm") + " (QuickBooks payment "
                        + step.require("ptx") + ")")
                .fromCredit(step.require("cm"), amount);
        settings.paymentMethod().ifPresent(add::paymentMethod);
        settings.arAccount().ifPresent(a -> add.arAccount(QbRefs.fullName(a)));
        QbQueue.send(ctx, add.build(), step, refundId);
    }

    void onRefundAdd(QbAnswer answer, Step step, String refundId, ConnectorContext ctx) {
        if (answer.worthRetrying()) {
            retry(step, refundId, ctx, answer,
                    () -> queueRefundSearch(step.next(REFUND_SEARCH).with("n", step.attempt() + 1), refundId, ctx));
            return;
        }
        if (!answer.succeeded()) {
            // A request sent a second time is refused once the first used up the credit: look first.
            queueRefundSearch(step.next(REFUND_SEARCH).with("refused", answer.problem()), refundId, ctx);
            return;
        }
        ARRefundCreditCardRet ret = answer.body(ARRefundCreditCardAddRs.class).getARRefundCreditCardRet();
        recordRefund(refundId, ret.getTxnID(), step, false, ctx);
    }

    private void recordRefund(String refundId, String txnId, Step step, boolean found, ConnectorContext ctx) {
        ctx.ids().put(LedgerKinds.REFUND, refundId, txnId);
        ctx.audit().record(refundId, found ? "refund.found-in-quickbooks" : "refund.recorded", "ok", step.get("ev"),
                txnId, "Refund " + txnId + " of " + Money.ofMinor(step.number("amt"), step.require("cur"))
                        + " against GoCardless payment " + step.require("pm") + " (QuickBooks payment "
                        + step.require("ptx") + ")");
        if (stopped(refundId, ctx)) {
            reverse(refundId, step.get("ev"), ctx);
            return;
        }
        ctx.syncRecords().done(SyncKinds.REFUND, refundId, txnId);
        // A credit memo added twice (its first answer lost) would leave the customer an open credit.
        queueCreditSearch(step.next(CREDIT_VERIFY), refundId, ctx);
    }

    // ------------------------------------------------------------------ undo

    private void undo(GoCardlessRefund refund, String eventId, Optional<String> posted, SyncRecord record,
                      ConnectorContext ctx) {
        String id = refund.id();
        boolean cancelled = "cancelled".equals(refund.status());
        Optional<String> credit = ctx.ids().target(LedgerKinds.REFUND_CREDIT, id);
        boolean inBooks = posted.isPresent() || credit.isPresent();
        String reason = "GoCardless reports the refund as " + refund.status() + (inBooks
                ? "; its credit memo and refund are removed from QuickBooks at the next Web Connector session."
                : "; nothing was recorded in QuickBooks.");
        SyncStatus before = record.status();
        if (cancelled) {
            ctx.syncRecords().skipped(SyncKinds.REFUND, id, reason);
        } else {
            ctx.syncRecords().failed(SyncKinds.REFUND, id, reason);
        }
        ctx.audit().record(id, "refund.undone", "ok", eventId, posted.orElse(credit.orElse(null)), reason);
        if (!cancelled && before != SyncStatus.FAILED) {
            ctx.alerts().raise("GoCardless refund " + id + " " + refund.status(), reason, id);
        }
        if (inBooks && ctx.quickBooks().pending(id) == 0) {
            reverse(id, eventId, ctx);
        }
    }

    private void reverse(String refundId, String eventId, ConnectorContext ctx) {
        Optional<String> refundTxn = ctx.ids().target(LedgerKinds.REFUND, refundId);
        Optional<String> creditTxn = ctx.ids().target(LedgerKinds.REFUND_CREDIT, refundId);
        if (refundTxn.isPresent()) {
            QbQueue.send(ctx, QbRequests.txnDel(QbQueue.requestId("rf-del", refundId),
                    TxnDelType.AR_REFUND_CREDIT_CARD, refundTxn.get()),
                    Step.of(REVERSE_REFUND).with("txn", refundTxn.get()).with("ev", eventId), refundId);
        } else if (creditTxn.isPresent()) {
            QbQueue.send(ctx, QbRequests.txnDel(QbQueue.requestId("cm-del", refundId), TxnDelType.CREDIT_MEMO,
                    creditTxn.get()), Step.of(REVERSE_CREDIT).with("txn", creditTxn.get()).with("ev", eventId),
                    refundId);
        }
    }

    void onReverse(QbAnswer answer, Step step, String refundId, ConnectorContext ctx) {
        boolean refundStep = REVERSE_REFUND.equals(step.name());
        if (answer.worthRetrying() && step.attempt() + 1 < PaymentFlow.MAX_ATTEMPTS) {
            TxnDelType type = refundStep ? TxnDelType.AR_REFUND_CREDIT_CARD : TxnDelType.CREDIT_MEMO;
            QbQueue.send(ctx, QbRequests.txnDel(QbQueue.requestId("rf-del", refundId), type, step.require("txn")),
                    step.retry(), refundId);
            return;
        }
        if (!answer.succeeded() && !answer.notFound()) {
            String reason = "QuickBooks did not delete " + (refundStep ? "refund " : "credit memo ")
                    + step.require("txn") + " (" + answer.problem() + "). Delete it in QuickBooks by hand.";
            ctx.syncRecords().needsAttention(SyncKinds.REFUND, refundId, reason);
            ctx.audit().record(refundId, "refund.reversal-refused", "error", step.get("ev"), step.require("txn"),
                    answer.problem());
            return;
        }
        ctx.ids().remove(refundStep ? LedgerKinds.REFUND : LedgerKinds.REFUND_CREDIT, refundId);
        ctx.audit().record(refundId, refundStep ? "refund.refund-deleted" : "refund.credit-memo-deleted", "ok",
                step.get("ev"), step.require("txn"), null);
        reverse(refundId, step.get("ev"), ctx);
    }

    // ------------------------------------------------------------------ shared

    private static String reference(String refundId) {
        return QbText.reference(refundId, QbLimits.TXN_REF_NUMBER);
    }

    private static boolean stopped(String refundId, ConnectorContext ctx) {
        SyncStatus status = ctx.syncRecords().find(SyncKinds.REFUND, refundId).map(SyncRecord::status).orElse(null);
        return status == SyncStatus.FAILED || status == SyncStatus.SKIPPED;
    }

    private static void hold(ConnectorContext ctx, String refundId, String eventId, String reason) {
        ctx.syncRecords().needsAttention(SyncKinds.REFUND, refundId, reason);
        ctx.audit().record(refundId, "refund.needs-attention", "error", eventId, null, reason);
    }

    private static void retry(Step step, String refundId, ConnectorContext ctx, QbAnswer answer, Runnable again) {
        if (step.attempt() + 1 >= PaymentFlow.MAX_ATTEMPTS) {
            hold(ctx, refundId, step.get("ev"), "QuickBooks did not answer after " + PaymentFlow.MAX_ATTEMPTS
                    + " tries (" + answer.problem() + "). Replay the refund once the Web Connector runs again.");
            return;
        }
        again.run();
    }
}
