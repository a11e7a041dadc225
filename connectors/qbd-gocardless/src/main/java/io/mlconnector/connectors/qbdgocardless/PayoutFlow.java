package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.queue.QbAnswer;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.money.Money;
import io.mlconnector.systems.gocardless.GoCardlessPayout;
import io.mlconnector.systems.gocardless.GoCardlessPayoutItem;
import io.mlconnector.systems.qbd.QbDates;
import io.mlconnector.systems.qbd.QbRefs;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.xml.DepositAddRs;
import io.mlconnector.systems.qbd.xml.DepositQueryRq;
import io.mlconnector.systems.qbd.xml.DepositQueryRs;
import io.mlconnector.systems.qbd.xml.DepositRet;
import io.mlconnector.systems.qbd.xml.ListFilterRef;
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

    static final String SEARCH = "payout.search";
    static final String ADD = "payout.add";

    private final Flows flows;

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
        queueSearch(Step.of(SEARCH).with("ev", eventId), payout, ctx);
    }

    /** A payment reached QuickBooks: the payout waiting for it may now be complete. */
    void resume(String paymentId, ConnectorContext ctx) {
        Optional<String> payoutId = ctx.ids().target(LedgerKinds.PAYOUT_AWAITING_PAYMENT, paymentId);
        if (payoutId.isPresent()) {
            ctx.ids().remove(LedgerKinds.PAYOUT_AWAITING_PAYMENT, paymentId);
            handle(payoutId.get(), null, ctx);
        }
    }

    private PayoutDeposit deposit(GoCardlessPayout payout, ConnectorContext ctx) {
        List<GoCardlessPayoutItem> items = GoCardlessCalls.call(() -> flows.gc(ctx).listPayoutItems(payout));
        return PayoutDeposit.of(payout, items);
    }

    private static LocalDate depositDate(GoCardlessPayout payout, ConnectorContext ctx) {
        return payout.arrivalDate() != null ? payout.arrivalDate()
                : LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC);
    }

    private void queueSearch(Step step, GoCardlessPayout payout, ConnectorContext ctx) {
        LocalDate date = depositDate(payout, ctx);
        DepositQueryRq query = QbRequests.withRequestId(new DepositQueryRq(),
                QbQueue.requestId("dep-search", payout.id()));
        TxnDateRangeFilter dates = new TxnDateRangeFilter();
        dates.setFromTxnDate(QbDates.date(date));
        dates.setToTxnDate(QbDates.date(date));
        query.setTxnDateRangeFilter(dates);
        ListFilterRef account = new ListFilterRef();
        account.getFullName().add(ConnectionSettings.of(ctx).requireBankAccount());
        query.setAccountFilter(account);
        query.getIncludeRetElement().addAll(List.of("TxnID", "Memo"));
        QbQueue.send(ctx, query, step, payout.id());
    }

    void onSearch(QbAnswer answer, Step step, String payoutId, ConnectorContext ctx) {
        if (answer.worthRetrying() && step.attempt() + 1 < PaymentFlow.MAX_ATTEMPTS) {
            GoCardlessPayout payout = GoCardlessCalls.call(() -> flows.gc(ctx).getPayout(payoutId));
            queueSearch(step.retry(), payout, ctx);
            return;
        }
        if (!answer.succeeded()) {
            hold(ctx, payoutId, step.get("ev"), "QuickBooks could not search the deposits of the bank account \""
                    + ConnectionSettings.of(ctx).bankAccount() + "\" (" + answer.problem() + "). Check the "
                    + "\"Bank account for payouts\" setting, then replay.");
            return;
        }
        Optional<DepositRet> existing = answer.body(DepositQueryRs.class).getDepositRet().stream()
                .filter(d -> d.getMemo() != null && d.getMemo().contains(payoutId)).findFirst();
        if (existing.isPresent()) {
            recordDeposit(payoutId, existing.get().getTxnID(), null, step, true, ctx);
            return;
        }
        if (step.get("refused") != null) {
            hold(ctx, payoutId, step.get("ev"), "QuickBooks refused the deposit for the payout (" + step.get("refused")
                    + "). Check the bank, fee and clearing accounts in the connection's settings, then replay.");
            return;
        }
        if (ctx.quickBooks().pending(payoutId) > 0) {
            return;
        }
        GoCardlessPayout payout = GoCardlessCalls.call(() -> flows.gc(ctx).getPayout(payoutId));
        queueAdd(step.next(ADD), deposit(payout, ctx), ctx);
    }

    private void queueAdd(Step step, PayoutDeposit deposit, ConnectorContext ctx) {
        ConnectionSettings settings = ConnectionSettings.of(ctx);
        GoCardlessPayout payout = deposit.payout();
        var add = QbRequests.deposit(QbQueue.requestId("dep-add", payout.id()))
                .txnDate(depositDate(payout, ctx))
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
        QbQueue.send(ctx, add.build(), step.with("total", deposit.total().minorUnits()).with("cur", payout.currency())
                .with("fees", deposit.fees().minorUnits()).with("n_pay", deposit.payments().size()), payout.id());
        ctx.audit().record(payout.id(), "payout.queued", "queued", step.get("ev"), null,
                "Deposit of " + deposit.total() + " into \"" + settings.bankAccount() + "\": "
                        + deposit.payments().size() + " payments of " + deposit.paymentTotal() + ", fees "
                        + deposit.fees() + (deposit.adjustments().isZero() ? "" : ", other items " + deposit.adjustments()));
    }

    void onAdd(QbAnswer answer, Step step, String payoutId, ConnectorContext ctx) {
        if (answer.worthRetrying() && step.attempt() + 1 < PaymentFlow.MAX_ATTEMPTS) {
            GoCardlessPayout payout = GoCardlessCalls.call(() -> flows.gc(ctx).getPayout(payoutId));
            queueSearch(step.next(SEARCH).with("n", step.attempt() + 1), payout, ctx);
            return;
        }
        if (!answer.succeeded()) {
            // A request sent a second time is refused once the first deposited the payments: look first.
            GoCardlessPayout payout = GoCardlessCalls.call(() -> flows.gc(ctx).getPayout(payoutId));
            queueSearch(step.next(SEARCH).with("refused", Step.brief(answer.problem(), 32)), payout, ctx);
            return;
        }
        DepositRet ret = answer.body(DepositAddRs.class).getDepositRet();
        recordDeposit(payoutId, ret.getTxnID(), ret.getDepositTotal(), step, false, ctx);
    }

    private void recordDeposit(String payoutId, String txnId, String total, Step step, boolean found,
                               ConnectorContext ctx) {
        ctx.ids().put(LedgerKinds.PAYOUT, payoutId, txnId);
        ctx.syncRecords().done(SyncKinds.PAYOUT, payoutId, txnId);
        String amount = step.get("total") != null
                ? Money.ofMinor(step.number("total"), step.require("cur")).toString() : total;
        ctx.audit().record(payoutId, found ? "payout.found-in-quickbooks" : "payout.deposited", "ok", step.get("ev"),
                txnId, (found ? "Already in QuickBooks as deposit " : "Deposited in QuickBooks as ") + txnId
                        + (amount != null ? " (" + amount + ")" : ""));
    }

    private static void hold(ConnectorContext ctx, String payoutId, String eventId, String reason) {
        ctx.syncRecords().needsAttention(SyncKinds.PAYOUT, payoutId, reason);
        ctx.audit().record(payoutId, "payout.needs-attention", "error", eventId, null, reason);
    }
}
