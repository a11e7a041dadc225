package io.mlconnector.connectors.qbdstripe;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.money.Money;
import io.mlconnector.systems.qbd.QbAmounts;
import io.mlconnector.systems.qbd.QbDates;
import io.mlconnector.systems.qbd.QbLimits;
import io.mlconnector.systems.qbd.QbRefs;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.QbText;
import io.mlconnector.systems.qbd.posting.QbPosting;
import io.mlconnector.systems.qbd.posting.TxnType;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.xml.ARRefundCreditCardRet;
import io.mlconnector.systems.qbd.xml.CreditMemoAdd;
import io.mlconnector.systems.qbd.xml.CreditMemoAddRq;
import io.mlconnector.systems.qbd.xml.CreditMemoRet;
import io.mlconnector.systems.qbd.xml.RqBase;
import io.mlconnector.systems.qbd.xml.SalesLineAdd;
import io.mlconnector.systems.stripe.StripePayment;
import io.mlconnector.systems.stripe.StripeRefund;
import io.mlconnector.systems.stripe.connector.StripeCalls;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A Stripe refund, whole or partial, into QuickBooks as QuickBooks books a customer refund: a credit
 * memo for the refunded amount, then an ARRefundCreditCard paying that credit out of the clearing
 * account, each posted once with the kit's {@link QbPosting}. A refund that arrives before its
 * payment is in QuickBooks waits and resumes when the payment is posted. A failed or cancelled
 * refund is taken out again.
 */
final class RefundFlow {

    static final QbPosting.Steps CREDIT_STEPS = QbPosting.Steps.of("refund.credit");
    static final QbPosting.Steps REFUND_STEPS = QbPosting.Steps.of("refund");

    private final Flows flows;
    final QbPosting<CreditMemoRet> credits = new QbPosting<>(new CreditPosting());
    final QbPosting<ARRefundCreditCardRet> refunds = new QbPosting<>(new RefundPosting());

    RefundFlow(Flows flows) {
        this.flows = flows;
    }

    /** {@code charge.refunded}: every refund of the charge. */
    void handleCharge(String chargeId, String eventId, ConnectorContext ctx) {
        for (StripeRefund refund : StripeCalls.call(() -> flows.stripe(ctx).refundsOfCharge(chargeId))) {
            handle(refund, eventId, ctx);
        }
    }

    void handle(String refundId, String eventId, ConnectorContext ctx) {
        handle(StripeCalls.call(() -> flows.stripe(ctx).refund(refundId)), eventId, ctx);
    }

    private void handle(StripeRefund refund, String eventId, ConnectorContext ctx) {
        String id = refund.id();
        String paymentKey = refund.paymentIntentId() != null ? refund.paymentIntentId() : refund.chargeId();
        SyncRecord record = ctx.syncRecords().open(SyncKinds.REFUND, id, "Stripe refund " + id + " of "
                + refund.amount() + " on payment " + paymentKey);
        Optional<String> posted = ctx.ids().target(LedgerKinds.REFUND, id);
        if ("failed".equals(refund.status()) || "canceled".equals(refund.status())) {
            undo(refund, eventId, record, ctx);
            return;
        }
        if (posted.isPresent()) {
            if (record.status() != SyncStatus.DONE) {
                ctx.syncRecords().done(SyncKinds.REFUND, id, posted.get());
            }
            ctx.audit().record(id, "refund.already-recorded", "ok", eventId, posted.get(), null);
            return;
        }
        if (!refund.succeeded()) {
            ctx.audit().record(id, "refund.waiting", "ok", eventId, null, "Refund is " + refund.status());
            return;
        }
        if (ctx.quickBooks().pending(id) > 0) {
            ctx.audit().record(id, "refund.in-progress", "ok", eventId, null, null);
            return;
        }
        Optional<String> paymentTxn = ctx.ids().target(LedgerKinds.PAYMENT, paymentKey);
        ctx.syncRecords().waitingForQuickBooks(SyncKinds.REFUND, id);
        if (paymentTxn.isEmpty()) {
            ctx.ids().replace(LedgerKinds.REFUND_AWAITING_PAYMENT, id, paymentKey);
            ctx.audit().record(id, "refund.waiting-for-payment", "ok", eventId, null,
                    "Recorded once payment " + paymentKey + " is in QuickBooks");
            return;
        }
        StripePayment payment = StripeCalls.call(() -> flows.stripe(ctx).payment(paymentKey));
        Optional<String> customer = Optional.ofNullable(payment.customerId())
                .flatMap(c -> ctx.ids().target(LedgerKinds.CUSTOMER, c));
        if (customer.isEmpty()) {
            refunds.hold(ctx, id, eventId, "The QuickBooks customer of payment " + paymentKey + " is not known any "
                    + "more; pick it for Stripe customer " + payment.customerId() + ", then replay.");
            return;
        }
        LocalDate date = refund.created() == null ? LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC)
                : LocalDate.ofInstant(refund.created(), ZoneOffset.UTC);
        Step step = Step.of("refund").with("ev", eventId).with("cust", customer.get())
                .with("amt", refund.amount().minorUnits()).with("cur", refund.amount().currency())
                .with("pm", paymentKey).with("ptx", paymentTxn.get()).with("date", date);
        Optional<String> credit = ctx.ids().target(LedgerKinds.REFUND_CREDIT, id);
        if (credit.isPresent()) {
            refunds.start(id, step.with("cm", credit.get()), ctx);
        } else {
            credits.start(id, step, ctx);
        }
    }

    /** The payment reached QuickBooks: record the refunds that waited for it. */
    void resume(String paymentKey, ConnectorContext ctx) {
        for (String refundId : ctx.ids().takeAll(LedgerKinds.REFUND_AWAITING_PAYMENT, paymentKey)) {
            handle(refundId, null, ctx);
        }
    }

    /** The credit memo the refund draws on: the refunded amount on the refund item. */
    private final class CreditPosting extends QbPosting.Plan<CreditMemoRet> {

        CreditPosting() {
            super(TxnType.CREDIT_MEMO, CREDIT_STEPS, "refund.credit-memo", SyncKinds.REFUND, LedgerKinds.REFUND_CREDIT);
        }

        @Override
        public String describe(String refundId) {
            return "the credit memo of Stripe refund " + refundId;
        }

        @Override
        public RqBase search(String refundId, Step step, ConnectorContext ctx) {
            return TxnType.CREDIT_MEMO.byRefNumber(QbQueue.requestId("cm-search", refundId), reference(refundId));
        }

        @Override
        public RqBase add(String refundId, Step step, ConnectorContext ctx) {
            ConnectionSettings settings = ConnectionSettings.of(ctx);
            CreditMemoAdd add = new CreditMemoAdd();
            add.setCustomerRef(QbRefs.listId(step.require("cust")));
            settings.arAccount().ifPresent(a -> add.setARAccountRef(QbRefs.fullName(a)));
            add.setTxnDate(QbDates.date(LocalDate.parse(step.require("date"))));
            add.setRefNumber(reference(refundId));
            add.setMemo(QbText.memoWithId("Stripe refund of payment " + step.require("pm"), refundId));
            SalesLineAdd line = new SalesLineAdd();
            line.setItemRef(QbRefs.fullName(settings.refundItem()));
            line.setDesc("Stripe refund " + refundId + " of payment " + step.require("pm"));
            line.setAmount(QbAmounts.toAmount(Money.ofMinor(step.number("amt"), step.require("cur"))));
            add.getCreditMemoLineAdd().add(line);
            CreditMemoAddRq rq = QbRequests.withRequestId(new CreditMemoAddRq(), QbQueue.requestId("cm-add", refundId));
            rq.setCreditMemoAdd(add);
            return rq;
        }

        @Override
        public void posted(String refundId, String txnId, Step step, boolean found, ConnectorContext ctx) {
            refunds.continueChain(refundId, step.with("cm", txnId), ctx);
        }

        @Override
        public String refused(String problem, Step step, ConnectorContext ctx) {
            return "QuickBooks refused the credit memo for the refund (" + problem + "). Check that the item \""
                    + ConnectionSettings.of(ctx).refundItem() + "\" exists in QuickBooks, then replay.";
        }
    }

    /** The refund itself: paid out of the clearing account from the credit memo. */
    private final class RefundPosting extends QbPosting.Plan<ARRefundCreditCardRet> {

        RefundPosting() {
            super(TxnType.AR_REFUND_CREDIT_CARD, REFUND_STEPS, "refund", SyncKinds.REFUND, LedgerKinds.REFUND);
        }

        @Override
        public String describe(String refundId) {
            return "Stripe refund " + refundId;
        }

        @Override
        public RqBase search(String refundId, Step step, ConnectorContext ctx) {
            return TxnType.AR_REFUND_CREDIT_CARD.byRefNumber(QbQueue.requestId("rf-search", refundId),
                    reference(refundId));
        }

        @Override
        public RqBase add(String refundId, Step step, ConnectorContext ctx) {
            ConnectionSettings settings = ConnectionSettings.of(ctx);
            var add = QbRequests.refund(QbQueue.requestId("rf-add", refundId))
                    .customerListId(step.require("cust"))
                    .refundFrom(QbRefs.fullName(settings.clearingAccount()))
                    .txnDate(LocalDate.parse(step.require("date")))
                    .externalId(refundId)
                    .memo("Stripe refund of payment " + step.require("pm") + " (QuickBooks payment "
                            + step.require("ptx") + ")")
                    .fromCredit(step.require("cm"), Money.ofMinor(step.number("amt"), step.require("cur")));
            settings.paymentMethod().ifPresent(add::paymentMethod);
            settings.arAccount().ifPresent(a -> add.arAccount(QbRefs.fullName(a)));
            return add.build();
        }

        @Override
        public void posted(String refundId, String txnId, Step step, boolean found, ConnectorContext ctx) {
            ctx.syncRecords().done(SyncKinds.REFUND, refundId, txnId);
        }

        @Override
        public void reversed(String refundId, String txnId, Step step, ConnectorContext ctx) {
            // The refund is gone; the credit memo it drew on goes next.
            ctx.ids().target(LedgerKinds.REFUND_CREDIT, refundId)
                    .ifPresent(credit -> credits.reverse(refundId, credit, step.get("ev"), ctx));
        }

        @Override
        public String refused(String problem, Step step, ConnectorContext ctx) {
            return "QuickBooks refused the refund (" + problem + "). Check that the clearing account \""
                    + ConnectionSettings.of(ctx).clearingAccount() + "\" exists in QuickBooks, then replay.";
        }
    }

    private void undo(StripeRefund refund, String eventId, SyncRecord record, ConnectorContext ctx) {
        String id = refund.id();
        Optional<String> refundTxn = ctx.ids().target(LedgerKinds.REFUND, id);
        Optional<String> creditTxn = ctx.ids().target(LedgerKinds.REFUND_CREDIT, id);
        boolean inBooks = refundTxn.isPresent() || creditTxn.isPresent();
        String reason = "Stripe reports the refund as " + refund.status() + (inBooks
                ? "; its credit memo and refund are removed from QuickBooks at the next Web Connector session."
                : "; nothing was recorded in QuickBooks.");
        if (record.status() != SyncStatus.FAILED) {
            ctx.alerts().raise("Stripe refund " + id + " " + refund.status(), reason, id);
        }
        ctx.syncRecords().failed(SyncKinds.REFUND, id, reason);
        if (ctx.quickBooks().pending(id) == 0) {
            if (refundTxn.isPresent()) {
                refunds.reverse(id, refundTxn.get(), eventId, ctx);
            } else if (creditTxn.isPresent()) {
                credits.reverse(id, creditTxn.get(), eventId, ctx);
            }
        }
    }

    private static String reference(String refundId) {
        return QbText.reference(refundId, QbLimits.TXN_REF_NUMBER);
    }
}
