package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.systems.gocardless.GoCardlessPayout;
import io.mlconnector.systems.gocardless.GoCardlessPayoutItem;
import io.mlconnector.systems.gocardless.GoCardlessPayoutReport;
import io.mlconnector.systems.qbd.QbDates;
import io.mlconnector.systems.qbd.QbRefs;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.xml.DepositQueryRq;
import io.mlconnector.systems.qbd.xml.DepositRet;
import io.mlconnector.systems.qbd.xml.ListFilterRef;
import io.mlconnector.systems.qbd.xml.RqBase;
import io.mlconnector.systems.qbd.posting.QbPosting;
import io.mlconnector.systems.qbd.posting.TxnType;
import io.mlconnector.systems.qbd.xml.TxnDateRangeFilter;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A paid GoCardless payout into QuickBooks as one bank deposit (see {@link PayoutDeposit}), once every
 * payment it contains is in QuickBooks; until then it waits, and each payment posted resumes it.
 * Deposits have no RefNumber, so the search before adding looks at the bank account's deposits of
 * the arrival date for the payout id in the memo.
 */
final class PayoutFlow {

    private final Flows flows;
    static final QbPosting.Steps STEPS = QbPosting.Steps.of("payout");

    final QbPosting<DepositRet> posting = new QbPosting<>(new DepositPosting());

    PayoutFlow(Flows flows) {
        this.flows = flows;
    }

    void handle(String payoutId, String eventId, ConnectorContext ctx) {
        GoCardlessPayout payout = GoCardlessCalls.call(() -> flows.gc(ctx).getPayout(payoutId));
        ctx.audit().record(payoutId, "payout.read", "ok", eventId, null,
                "GoCardless payout " + payoutId + " of " + payout.amount() + " is " + payout.status());
        SyncRecord record = ctx.syncRecords().open(SyncKinds.PAYOUT, payoutId, "GoCardless payout " + payoutId
                + " of " + payout.amount() + (payout.arrivalDate() != null ? " arriving " + payout.arrivalDate() : ""));
        Optional<String> deposited = ctx.ids().target(LedgerKinds.PAYOUT, payoutId);
        if (deposited.isPresent()) {
            if (record.status() != SyncStatus.DONE) {
                ctx.syncRecords().done(SyncKinds.PAYOUT, payoutId, deposited.get());
            }
            ctx.payouts().deposited(payoutId, deposited.get(), payout.amount());
            ctx.audit().record(payoutId, "payout.already-deposited", "ok", eventId, deposited.get(), null);
            return;
        }
        if ("bounced".equals(payout.status())) {
            String reason = "The payout bounced: your bank returned it to GoCardless. Check the bank details "
                    + "in GoCardless; nothing was recorded in QuickBooks.";
            if (record.status() != SyncStatus.FAILED) {
                ctx.alerts().raise("GoCardless payout " + payoutId + " bounced", reason, payoutId);
            }
            ctx.syncRecords().failed(SyncKinds.PAYOUT, payoutId, reason);
            return;
        }
        if (!"paid".equals(payout.status())) {
            ctx.audit().record(payoutId, "payout.waiting", "ok", eventId, null, "Not paid yet");
            return;
        }
        if (ctx.quickBooks().pending(payoutId) > 0) {
            ctx.audit().record(payoutId, "payout.in-progress", "ok", eventId, null, null);
            return;
        }
        PayoutDeposit deposit = deposit(payout, ctx);
        List<String> missing = deposit.paymentIds().stream()
                .filter(p -> ctx.ids().target(LedgerKinds.PAYMENT, p).isEmpty()).toList();
        ctx.syncRecords().waitingForQuickBooks(SyncKinds.PAYOUT, payoutId);
        if (!missing.isEmpty()) {
            missing.forEach(p -> ctx.ids().replace(LedgerKinds.PAYOUT_AWAITING_PAYMENT, p, payoutId));
            ctx.audit().record(payoutId, "payout.waiting-for-payments", "ok", eventId, null,
                    "Deposited once these payments are in QuickBooks: " + String.join(", ", missing));
            return;
        }
        posting.start(payoutId, Step.of("payout").with("ev", eventId).with("date", depositDate(payout, ctx)), ctx);
    }

    /** A payment reached QuickBooks: the payout waiting for it may now be complete. */
    void resume(String paymentId, ConnectorContext ctx) {
        Optional<String> payoutId = ctx.ids().target(LedgerKinds.PAYOUT_AWAITING_PAYMENT, paymentId);
        if (payoutId.isPresent()) {
            ctx.ids().remove(LedgerKinds.PAYOUT_AWAITING_PAYMENT, paymentId);
            handle(payoutId.get(), null, ctx);
        }
    }

    /** Reads the payout's items and reports the payout with them for the Payouts page. */
    private PayoutDeposit deposit(GoCardlessPayout payout, ConnectorContext ctx) {
        List<GoCardlessPayoutItem> items = GoCardlessCalls.call(() -> flows.gc(ctx).listPayoutItems(payout));
        ctx.payouts().report(GoCardlessPayoutReport.of(payout, items, SyncKinds.PAYMENT, SyncKinds.REFUND));
        return PayoutDeposit.of(payout, items);
    }

    private static LocalDate depositDate(GoCardlessPayout payout, ConnectorContext ctx) {
        return payout.arrivalDate() != null ? payout.arrivalDate()
                : LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC);
    }

    /** The payout as one bank deposit, found by the payout id in its memo among the arrival date's deposits. */
    private final class DepositPosting extends QbPosting.Plan<DepositRet> {

        DepositPosting() {
            super(TxnType.DEPOSIT, STEPS, "payout", SyncKinds.PAYOUT, LedgerKinds.PAYOUT);
        }

        @Override
        public String describe(String payoutId) {
            return "GoCardless payout " + payoutId;
        }

        @Override
        public RqBase search(String payoutId, Step step, ConnectorContext ctx) {
            LocalDate date = LocalDate.parse(step.require("date"));
            DepositQueryRq query = QbRequests.withRequestId(new DepositQueryRq(),
                    QbQueue.requestId("dep-search", payoutId));
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
            GoCardlessPayout payout = GoCardlessCalls.call(() -> flows.gc(ctx).getPayout(payoutId));
            return depositAdd(deposit(payout, ctx), LocalDate.parse(step.require("date")), step.get("ev"), ctx);
        }

        @Override
        public void posted(String payoutId, String txnId, Step step, boolean found, ConnectorContext ctx) {
            ctx.syncRecords().done(SyncKinds.PAYOUT, payoutId, txnId);
            // The deposit is built to equal the payout to the penny (the fee line takes GoCardless's rounding).
            GoCardlessPayout payout = GoCardlessCalls.call(() -> flows.gc(ctx).getPayout(payoutId));
            ctx.payouts().deposited(payoutId, txnId, payout.amount());
        }

        @Override
        public String refused(String problem, Step step, ConnectorContext ctx) {
            return "QuickBooks refused the deposit for the payout (" + problem + "). Check the bank, fee and "
                    + "clearing accounts in the connection's settings, then replay.";
        }

        @Override
        public String searchFailed(String problem, ConnectorContext ctx) {
            return "QuickBooks could not search the deposits of the bank account \""
                    + ConnectionSettings.of(ctx).bankAccount() + "\" (" + problem + "). Check the "
                    + "\"Bank account for payouts\" setting, then replay.";
        }
    }

    private RqBase depositAdd(PayoutDeposit deposit, LocalDate date, String eventId, ConnectorContext ctx) {
        ConnectionSettings settings = ConnectionSettings.of(ctx);
        GoCardlessPayout payout = deposit.payout();
        var add = QbRequests.deposit(QbQueue.requestId("dep-add", payout.id()))
                .txnDate(date)
                .depositTo(QbRefs.fullName(settings.requireBankAccount()))
                .memo("GoCardless payout " + payout.id()
                        + (payout.reference() != null ? " (bank reference " + payout.reference() + ")" : ""));
        if (settings.paymentsGoToUndepositedFunds()) {
            for (PayoutDeposit.PaidPayment p : deposit.payments()) {
                add.payment(ctx.ids().target(LedgerKinds.PAYMENT, p.paymentId()).orElseThrow(),
                        "GoCardless payment " + p.paymentId());
            }
        } else if (!deposit.payments().isEmpty()) {
            add.line(QbRefs.fullName(settings.depositAccount()), deposit.paymentTotal(),
                    deposit.payments().size() + " GoCardless payments of payout " + payout.id(), null);
        }
        if (deposit.fees().minorUnits() > 0) {
            add.fee(deposit.fees(), QbRefs.fullName(settings.requireFeeAccount()), "GoCardless fees, payout " + payout.id());
        } else if (deposit.fees().minorUnits() < 0) {
            add.line(QbRefs.fullName(settings.requireFeeAccount()), deposit.fees().negate(),
                    "GoCardless fees returned, payout " + payout.id(), null);
        }
        if (!deposit.adjustments().isZero()) {
            add.line(QbRefs.fullName(settings.clearingAccount()), deposit.adjustments(),
                    "GoCardless " + String.join(", ", deposit.adjustmentTypes()) + ", payout " + payout.id(), null);
        }
        ctx.audit().record(payout.id(), "payout.deposit", "queued", eventId, null,
                "Deposit of " + deposit.total() + " into \"" + settings.bankAccount() + "\": "
                        + deposit.payments().size() + " payments of " + deposit.paymentTotal() + ", fees "
                        + deposit.fees() + (deposit.adjustments().isZero() ? "" : ", other items " + deposit.adjustments()));
        return add.build();
    }
}
