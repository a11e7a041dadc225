package io.mlconnector.connectors.qbdstripe;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.systems.qbd.QbDates;
import io.mlconnector.systems.qbd.QbRefs;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.posting.QbPosting;
import io.mlconnector.systems.qbd.posting.TxnType;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.xml.DepositQueryRq;
import io.mlconnector.systems.qbd.xml.DepositRet;
import io.mlconnector.systems.qbd.xml.ListFilterRef;
import io.mlconnector.systems.qbd.xml.RqBase;
import io.mlconnector.systems.qbd.xml.TxnDateRangeFilter;
import io.mlconnector.systems.stripe.StripeBalanceTransaction;
import io.mlconnector.systems.stripe.StripePayout;
import io.mlconnector.systems.stripe.connector.StripeCalls;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A paid Stripe payout into QuickBooks as one bank deposit equal to it (see {@link PayoutDeposit}),
 * once every payment it carries is in QuickBooks; until then it waits, and each payment posted
 * resumes it. Deposits have no RefNumber, so the kit's search before adding looks at the bank
 * account's deposits of the arrival date for the payout id in the memo.
 */
final class PayoutFlow {

    static final QbPosting.Steps STEPS = QbPosting.Steps.of("payout");

    private final Flows flows;
    final QbPosting<DepositRet> posting = new QbPosting<>(new DepositPosting());

    PayoutFlow(Flows flows) {
        this.flows = flows;
    }

    void handle(String payoutId, String eventId, ConnectorContext ctx) {
        StripePayout payout = StripeCalls.call(() -> flows.stripe(ctx).payout(payoutId));
        SyncRecord record = ctx.syncRecords().open(SyncKinds.PAYOUT, payoutId, "Stripe payout " + payoutId + " of "
                + payout.amount() + (payout.arrivalDate() != null ? " arriving "
                + LocalDate.ofInstant(payout.arrivalDate(), ZoneOffset.UTC) : ""));
        Optional<String> deposited = ctx.ids().target(LedgerKinds.PAYOUT, payoutId);
        if (deposited.isPresent()) {
            if (record.status() != SyncStatus.DONE) {
                ctx.syncRecords().done(SyncKinds.PAYOUT, payoutId, deposited.get());
            }
            ctx.audit().record(payoutId, "payout.already-deposited", "ok", eventId, deposited.get(), null);
            return;
        }
        if ("failed".equals(payout.status()) || "canceled".equals(payout.status())) {
            String reason = "The payout " + payout.status() + ": your bank did not receive it. Check the bank "
                    + "details in Stripe; nothing was recorded in QuickBooks.";
            if (record.status() != SyncStatus.FAILED) {
                ctx.alerts().raise("Stripe payout " + payoutId + " " + payout.status(), reason, payoutId);
            }
            ctx.syncRecords().failed(SyncKinds.PAYOUT, payoutId, reason);
            return;
        }
        if (!payout.paid()) {
            ctx.audit().record(payoutId, "payout.waiting", "ok", eventId, null, "Not paid yet (" + payout.status() + ")");
            return;
        }
        if (ctx.quickBooks().pending(payoutId) > 0) {
            ctx.audit().record(payoutId, "payout.in-progress", "ok", eventId, null, null);
            return;
        }
        if (!payout.automatic()) {
            posting.hold(ctx, payoutId, eventId, "This is a manual payout: Stripe does not say which payments it "
                    + "carries, so it cannot be deposited for you. Record the deposit in QuickBooks by hand.");
            return;
        }
        PayoutDeposit deposit = deposit(payout, ctx);
        if (!deposit.balances()) {
            posting.hold(ctx, payoutId, eventId, "The payout's transactions add up to " + deposit.total()
                    + ", not to the payout's " + payout.amount() + "; nothing was deposited. Check the payout in Stripe.");
            return;
        }
        List<String> missing = deposit.paymentKeys().stream()
                .filter(p -> ctx.ids().target(LedgerKinds.PAYMENT, p).isEmpty()).toList();
        ctx.syncRecords().waitingForQuickBooks(SyncKinds.PAYOUT, payoutId);
        if (!missing.isEmpty()) {
            missing.forEach(p -> ctx.ids().replace(LedgerKinds.PAYOUT_AWAITING_PAYMENT, p, payoutId));
            ctx.audit().record(payoutId, "payout.waiting-for-payments", "ok", eventId, null,
                    "Deposited once these " + missing.size() + " payments are in QuickBooks: "
                            + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                            + (missing.size() > 10 ? ", …" : ""));
            return;
        }
        LocalDate date = payout.arrivalDate() != null ? LocalDate.ofInstant(payout.arrivalDate(), ZoneOffset.UTC)
                : LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC);
        posting.start(payoutId, Step.of("payout").with("ev", eventId).with("date", date), ctx);
    }

    /** A payment reached QuickBooks: the payout waiting for it may now be complete. */
    void resume(String paymentKey, ConnectorContext ctx) {
        Optional<String> payoutId = ctx.ids().target(LedgerKinds.PAYOUT_AWAITING_PAYMENT, paymentKey);
        if (payoutId.isPresent()) {
            ctx.ids().remove(LedgerKinds.PAYOUT_AWAITING_PAYMENT, paymentKey);
            // The last of its payments to arrive resumes it; earlier ones cost no Stripe read.
            if (ctx.ids().source(LedgerKinds.PAYOUT_AWAITING_PAYMENT, payoutId.get()).isEmpty()) {
                handle(payoutId.get(), null, ctx);
            }
        }
    }

    private PayoutDeposit deposit(StripePayout payout, ConnectorContext ctx) {
        List<StripeBalanceTransaction> items = StripeCalls.call(() -> flows.stripe(ctx).payoutTransactions(payout.id()));
        return PayoutDeposit.of(payout, items);
    }

    /** The payout as one bank deposit, found by the payout id in its memo among the arrival date's deposits. */
    private final class DepositPosting extends QbPosting.Plan<DepositRet> {

        DepositPosting() {
            super(TxnType.DEPOSIT, STEPS, "payout", SyncKinds.PAYOUT, LedgerKinds.PAYOUT);
        }

        @Override
        public String describe(String payoutId) {
            return "Stripe payout " + payoutId;
        }

        @Override
        public RqBase search(String payoutId, Step step, ConnectorContext ctx) {
            LocalDate date = LocalDate.parse(step.require("date"));
            DepositQueryRq query = QbRequests.withRequestId(new DepositQueryRq(), QbQueue.requestId("dep-search", payoutId));
            TxnDateRangeFilter dates = new TxnDateRangeFilter();
            dates.setFromTxnDate(QbDates.date(date));
            dates.setToTxnDate(QbDates.date(date));
            query.setTxnDateRangeFilter(dates);
            ListFilterRef account = new ListFilterRef();
            account.getFullName().add(ConnectionSettings.of(ctx).requireBankAccount());
            query.setAccountFilter(account);
            query.getIncludeRetElement().addAll(List.of("TxnID", "Memo"));
            return query;
        }

        @Override
        public RqBase add(String payoutId, Step step, ConnectorContext ctx) {
            StripePayout payout = StripeCalls.call(() -> flows.stripe(ctx).payout(payoutId));
            return depositAdd(deposit(payout, ctx), LocalDate.parse(step.require("date")), step.get("ev"), ctx);
        }

        @Override
        public void posted(String payoutId, String txnId, Step step, boolean found, ConnectorContext ctx) {
            ctx.syncRecords().done(SyncKinds.PAYOUT, payoutId, txnId);
        }

        @Override
        public String refused(String problem, Step step, ConnectorContext ctx) {
            return "QuickBooks refused the deposit for the payout (" + problem + "). Check the bank, fee and "
                    + "clearing accounts in the connection's settings, then replay.";
        }
    }

    private RqBase depositAdd(PayoutDeposit deposit, LocalDate date, String eventId, ConnectorContext ctx) {
        ConnectionSettings settings = ConnectionSettings.of(ctx);
        String payoutId = deposit.payout().id();
        var add = QbRequests.deposit(QbQueue.requestId("dep-add", payoutId))
                .txnDate(date)
                .depositTo(QbRefs.fullName(settings.requireBankAccount()))
                .memo("Stripe payout " + payoutId);
        if (settings.paymentsGoToUndepositedFunds()) {
            for (String key : deposit.paymentKeys()) {
                add.payment(ctx.ids().target(LedgerKinds.PAYMENT, key).orElseThrow(), "Stripe payment " + key);
            }
        } else if (!deposit.payments().isEmpty()) {
            add.line(QbRefs.fullName(settings.depositAccount()), deposit.paymentTotal(),
                    deposit.payments().size() + " Stripe payments of payout " + payoutId, null);
        }
        if (deposit.fees().minorUnits() > 0) {
            add.fee(deposit.fees(), QbRefs.fullName(settings.requireFeeAccount()), "Stripe fees, payout " + payoutId);
        }
        if (!deposit.others().isZero()) {
            add.line(QbRefs.fullName(settings.clearingAccount()), deposit.others(),
                    "Stripe " + String.join(", ", deposit.otherKinds()) + ", payout " + payoutId, null);
        }
        ctx.audit().record(payoutId, "payout.deposit", "queued", eventId, null, "Deposit of " + deposit.total()
                + " into \"" + settings.bankAccount() + "\": " + deposit.payments().size() + " payments of "
                + deposit.paymentTotal() + ", fees " + deposit.fees()
                + (deposit.others().isZero() ? "" : ", other items " + deposit.others()));
        return add.build();
    }
}
