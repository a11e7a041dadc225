package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.qbd.queue.Step;
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
import io.mlconnector.systems.qbd.xml.ARRefundCreditCardRet;
import io.mlconnector.systems.qbd.xml.CreditMemoAdd;
import io.mlconnector.systems.qbd.xml.CreditMemoAddRq;
import io.mlconnector.systems.qbd.xml.CreditMemoRet;
import io.mlconnector.systems.qbd.xml.RqBase;
import io.mlconnector.systems.qbd.xml.SalesLineAdd;
import io.mlconnector.systems.qbd.posting.QbPosting;
import io.mlconnector.systems.qbd.posting.TxnType;

import java.time.LocalDate;
import java.time.ZoneOffset;
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

    /** The credit memo's steps (names kept from before the kit, as queued requests carry them). */
    static final QbPosting.Steps CREDIT_STEPS = new QbPosting.Steps("refund.credit-search", "refund.credit-add",
            "refund.credit-verify", "refund.remove-duplicate-credit", "refund.reverse-credit");
    static final QbPosting.Steps REFUND_STEPS = new QbPosting.Steps("refund.refund-search", "refund.refund-add",
            "refund.refund-verify", "refund.remove-duplicate-refund", "refund.reverse-refund");

    private static final Set<String> UNDONE = Set.of("cancelled", "bounced", "failed", "funds_returned");

    private final Flows flows;
    final QbPosting<CreditMemoRet> credits = new QbPosting<>(new CreditPosting());
    final QbPosting<ARRefundCreditCardRet> refunds = new QbPosting<>(new RefundPosting());

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
        Step step = Step.of("refund")
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
            refunds.start(refundId, step.with("cm", credit.get()), ctx);
        } else {
            credits.start(refundId, step, ctx);
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

    // ------------------------------------------------------------------ credit memo, then refund

    /** The credit memo the refund draws on: the refunded amount on the refund item. */
    private final class CreditPosting extends QbPosting.Plan<CreditMemoRet> {

        CreditPosting() {
            super(TxnType.CREDIT_MEMO, CREDIT_STEPS, "refund.credit-memo", SyncKinds.REFUND, LedgerKinds.REFUND_CREDIT);
        }

        @Override
        public String describe(String refundId) {
            return "the credit memo of GoCardless refund " + refundId;
        }

        @Override
        public RqBase search(String refundId, Step step, ConnectorContext ctx) {
            return TxnType.CREDIT_MEMO.byRefNumber(QbQueue.requestId("cm-search", refundId), reference(refundId));
        }

        @Override
        public RqBase add(String refundId, Step step, ConnectorContext ctx) {
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
            return rq;
        }

        @Override
        public void posted(String refundId, String txnId, Step step, boolean found, ConnectorContext ctx) {
            if (stopped(refundId, ctx)) {
                reverse(refundId, step.get("ev"), ctx);
                return;
            }
            refunds.continueChain(refundId, step.with("cm", txnId), ctx);
        }

        @Override
        public String refused(String problem, Step step, ConnectorContext ctx) {
            return "QuickBooks refused the credit memo for the refund (" + problem + "). Check that the item \""
                    + ConnectionSettings.of(ctx).refundItem() + "\" exists in QuickBooks (or change \"Item for "
                    + "refunds\"), then replay.";
        }

        @Override
        public String searchFailed(String problem, ConnectorContext ctx) {
            return "QuickBooks could not search its credit memos: " + problem;
        }

        @Override
        public void onStopped(String refundId, Step step, ConnectorContext ctx) {
            reverse(refundId, step.get("ev"), ctx);
        }

        @Override
        public void reversed(String refundId, String txnId, Step step, ConnectorContext ctx) {
            reverse(refundId, step.get("ev"), ctx);
        }
    }

    /** The refund itself: paid out of the clearing account from the credit memo, for the payment's customer. */
    private final class RefundPosting extends QbPosting.Plan<ARRefundCreditCardRet> {

        RefundPosting() {
            super(TxnType.AR_REFUND_CREDIT_CARD, REFUND_STEPS, "refund", SyncKinds.REFUND, LedgerKinds.REFUND);
        }

        @Override
        public String describe(String refundId) {
            return "GoCardless refund " + refundId;
        }

        @Override
        public RqBase search(String refundId, Step step, ConnectorContext ctx) {
            return TxnType.AR_REFUND_CREDIT_CARD.byRefNumber(QbQueue.requestId("rf-search", refundId),
                    reference(refundId));
        }

        @Override
        public RqBase add(String refundId, Step step, ConnectorContext ctx) {
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
            return add.build();
        }

        @Override
        public String postedDetail(Step step) {
            return " (" + Money.ofMinor(step.number("amt"), step.require("cur")) + " against GoCardless payment "
                    + step.require("pm") + ", QuickBooks payment " + step.require("ptx") + ")";
        }

        @Override
        public void posted(String refundId, String txnId, Step step, boolean found, ConnectorContext ctx) {
            if (stopped(refundId, ctx)) {
                reverse(refundId, step.get("ev"), ctx);
                return;
            }
            ctx.syncRecords().done(SyncKinds.REFUND, refundId, txnId);
        }

        @Override
        public String refused(String problem, Step step, ConnectorContext ctx) {
            return "QuickBooks refused the refund (" + problem + "). Check that the clearing account \""
                    + ConnectionSettings.of(ctx).clearingAccount() + "\" exists in QuickBooks, then replay.";
        }

        @Override
        public String searchFailed(String problem, ConnectorContext ctx) {
            return "QuickBooks could not search its refunds: " + problem;
        }

        @Override
        public void onStopped(String refundId, Step step, ConnectorContext ctx) {
            reverse(refundId, step.get("ev"), ctx);
        }

        @Override
        public void reversed(String refundId, String txnId, Step step, ConnectorContext ctx) {
            reverse(refundId, step.get("ev"), ctx);
        }
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

    /** Takes the refund out of QuickBooks: the refund first, then the credit memo it drew on. */
    private void reverse(String refundId, String eventId, ConnectorContext ctx) {
        Optional<String> refundTxn = ctx.ids().target(LedgerKinds.REFUND, refundId);
        Optional<String> creditTxn = ctx.ids().target(LedgerKinds.REFUND_CREDIT, refundId);
        if (refundTxn.isPresent()) {
            refunds.reverse(refundId, refundTxn.get(), eventId, ctx);
        } else if (creditTxn.isPresent()) {
            credits.reverse(refundId, creditTxn.get(), eventId, ctx);
        }
    }

    private static String reference(String refundId) {
        return QbText.reference(refundId, QbLimits.TXN_REF_NUMBER);
    }

    private static boolean stopped(String refundId, ConnectorContext ctx) {
        SyncStatus status = ctx.syncRecords().find(SyncKinds.REFUND, refundId).map(SyncRecord::status).orElse(null);
        return status == SyncStatus.FAILED || status == SyncStatus.SKIPPED;
    }

    private void hold(ConnectorContext ctx, String refundId, String eventId, String reason) {
        refunds.hold(ctx, refundId, eventId, reason);
    }
}
