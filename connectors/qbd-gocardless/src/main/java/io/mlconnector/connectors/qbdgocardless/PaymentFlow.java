package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.queue.QbAnswer;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.qbd.posting.InvoiceChoice;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.systems.gocardless.GoCardlessEventDetails;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.money.Money;
import io.mlconnector.systems.gocardless.GoCardlessPayment;
import io.mlconnector.systems.qbd.QbRefs;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.QbLimits;
import io.mlconnector.systems.qbd.QbText;
import io.mlconnector.systems.qbd.posting.QbPosting;
import io.mlconnector.systems.qbd.posting.TxnType;
import io.mlconnector.systems.qbd.xml.InvoiceQueryRs;
import io.mlconnector.systems.qbd.xml.RqBase;
import io.mlconnector.systems.qbd.xml.InvoiceRet;
import io.mlconnector.systems.qbd.xml.ReceivePaymentAddRq;
import io.mlconnector.systems.qbd.xml.ReceivePaymentRet;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A GoCardless payment into QuickBooks: decide from its current state, then, once its customer is
 * known, find the invoice it pays and post it with the kit's {@link QbPosting} (search, then add). A payment that failed, was cancelled or charged back is
 * kept out of the books, or taken out again.
 *
 * <p>Exactly once: the ledger maps each payment to its QuickBooks TxnID; a payment with a request
 * still queued is not started twice; and the last request before every add is a search by the
 * RefNumber that carries the GoCardless payment id.
 */
final class PaymentFlow {

    static final String INVOICE = "payment.invoice";
    static final QbPosting.Steps STEPS = QbPosting.Steps.of("payment");

    /** Metadata key the reverse flow puts on the payments it creates: the invoice's TxnID. */
    static final String INVOICE_TXN_KEY = "qbd_invoice_txn_id";
    /** Metadata keys billing tools use for the invoice number a payment settles. */
    static final List<String> INVOICE_NUMBER_KEYS = List.of("invoice_number", "invoice", "invoice_ref",
            "invoice_id", "qbd_invoice");

    private final Flows flows;
    final QbPosting<ReceivePaymentRet> posting = new QbPosting<>(new Posting());

    PaymentFlow(Flows flows) {
        this.flows = flows;
    }

    // ------------------------------------------------------------------ events

    /** Re-reads the payment and brings the books in line with its current state. */
    void handle(String paymentId, String eventId, String eventPayload, ConnectorContext ctx) {
        ConnectionSettings settings = ConnectionSettings.of(ctx);
        GoCardlessPayment payment = GoCardlessCalls.payment(flows.gc(ctx), paymentId, ctx);
        ctx.audit().record(paymentId, "payment.read", "ok", eventId, null,
                "GoCardless reports payment " + paymentId + " as " + payment.status());
        SyncRecord record = ctx.syncRecords().open(SyncKinds.PAYMENT, paymentId, summary(payment));
        Optional<String> posted = ctx.ids().target(LedgerKinds.PAYMENT, paymentId);
        PaymentRules.Decision decision = PaymentRules.decide(payment.status(), settings.postingMoment());
        switch (decision) {
            case POST -> post(payment, eventId, posted, record, settings, ctx);
            case WAIT -> ctx.audit().record(paymentId, "payment.waiting", "ok", eventId, posted.orElse(null),
                    posted.isPresent() ? "Already in QuickBooks" : "Not collected yet (" + payment.status()
                            + "); nothing to record before " + settings.postingMoment().value());
            default -> keepOut(payment, decision, eventId, eventPayload, posted, record, ctx);
        }
    }

    private void post(GoCardlessPayment payment, String eventId, Optional<String> posted, SyncRecord record,
                      ConnectionSettings settings, ConnectorContext ctx) {
        String id = payment.id();
        if (posted.isPresent()) {
            if (record.status() != SyncStatus.DONE && record.status() != SyncStatus.NEEDS_ATTENTION) {
                ctx.syncRecords().done(SyncKinds.PAYMENT, id, posted.get());
            }
            ctx.audit().record(id, "payment.already-posted", "ok", eventId, posted.get(),
                    "Already in QuickBooks; nothing posted again");
            return;
        }
        if (ctx.quickBooks().pending(id) > 0) {
            ctx.audit().record(id, "payment.in-progress", "ok", eventId, null,
                    "Already on its way to QuickBooks; waiting for the Web Connector");
            return;
        }
        if (settings.booksCurrency().isPresent() && !settings.booksCurrency().get().equals(payment.currency())) {
            hold(ctx, id, eventId, "The payment is in " + payment.currency() + " but the QuickBooks books are kept in "
                    + settings.booksCurrency().get() + ". Record it by hand, or change \"Currency of the books\" "
                    + "if QuickBooks multicurrency is on, then replay.");
            return;
        }
        if (payment.customerId() == null) {
            hold(ctx, id, eventId, "GoCardless gave no customer for this payment's mandate " + payment.mandateId());
            return;
        }
        ctx.syncRecords().waitingForQuickBooks(SyncKinds.PAYMENT, id);
        Optional<String> customer = ctx.ids().target(LedgerKinds.CUSTOMER, payment.customerId());
        if (customer.isPresent()) {
            start(payment, customer.get(), eventId, ctx);
        } else {
            flows.customers.start(payment.customerId(), id, eventId, ctx);
        }
    }

    /** Customer known: look for the invoice the payment pays. */
    private void start(GoCardlessPayment payment, String customerListId, String eventId, ConnectorContext ctx) {
        LocalDate date = payment.chargeDate() != null ? payment.chargeDate()
                : LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC);
        Step step = Step.of(INVOICE)
                .with("ev", eventId)
                .with("cust", customerListId)
                .with("amt", payment.amount().minorUnits())
                .with("cur", payment.currency())
                .with("date", date);
        String txnHint = payment.metadata().get(INVOICE_TXN_KEY);
        Optional<String> refHint = invoiceNumber(payment);
        if (txnHint != null && !txnHint.isBlank()) {
            step = step.with("mode", "txn").with("txn", txnHint.trim());
        } else if (refHint.isPresent()) {
            step = step.with("mode", "ref").with("ref", refHint.get());
        } else {
            step = step.with("mode", "amount");
        }
        queueInvoiceQuery(step, payment.id(), ctx);
        ctx.audit().record(payment.id(), "payment.invoice-lookup", "queued", eventId, customerListId,
                "Looking for the open invoice of QuickBooks customer " + customerListId + " that this payment pays");
    }

    /** The invoice number the payment names, if any fits QuickBooks' 11 characters. */
    private static Optional<String> invoiceNumber(GoCardlessPayment payment) {
        for (String key : INVOICE_NUMBER_KEYS) {
            String value = payment.metadata().get(key);
            if (value != null && !value.isBlank() && value.trim().length() <= QbLimits.TXN_REF_NUMBER) {
                return Optional.of(value.trim());
            }
        }
        String reference = payment.reference();
        if (reference != null && !reference.isBlank() && reference.trim().length() <= QbLimits.TXN_REF_NUMBER) {
            return Optional.of(reference.trim());
        }
        return Optional.empty();
    }

    private void queueInvoiceQuery(Step step, String paymentId, ConnectorContext ctx) {
        var query = QbRequests.invoiceQuery(QbQueue.requestId("inv", paymentId))
                .includeRetElements("TxnID", "CustomerRef", "RefNumber", "TxnDate", "DueDate", "BalanceRemaining");
        switch (step.require("mode")) {
            case "txn" -> query.txnIds(step.require("txn"));
            case "ref" -> query.customerListId(step.require("cust")).refNumber(step.require("ref"));
            default -> query.customerListId(step.require("cust")).unpaidOnly();
        }
        QbQueue.send(ctx, query.build(), step, paymentId);
    }

    // ------------------------------------------------------------------ QuickBooks answers

    void onInvoices(QbAnswer answer, Step step, String paymentId, ConnectorContext ctx) {
        if (posting.stopped(paymentId, step.get("ev"), ctx)) {
            return;
        }
        if (answer.worthRetrying()) {
            posting.retry(step, paymentId, answer, () -> queueInvoiceQuery(step.retry(), paymentId, ctx), ctx);
            return;
        }
        Money amount = Money.ofMinor(step.number("amt"), step.require("cur"));
        String customer = step.require("cust");
        List<InvoiceRet> invoices = answer.succeeded()
                ? answer.body(InvoiceQueryRs.class).getInvoiceRet() : List.of();
        if (!answer.succeeded() && !answer.notFound()) {
            hold(ctx, paymentId, step.get("ev"), "QuickBooks could not look up the invoices: " + answer.problem());
            return;
        }
        String mode = step.require("mode");
        Optional<InvoiceChoice.Choice> choice = mode.equals("amount")
                ? InvoiceChoice.sameAmount(invoices, customer, amount)
                : InvoiceChoice.named(invoices, customer, amount);
        if (choice.isEmpty() && !mode.equals("amount")) {
            ctx.audit().record(paymentId, "payment.invoice-not-named", "ok", step.get("ev"), null,
                    "The invoice the payment names (" + (mode.equals("txn") ? step.get("txn") : step.get("ref"))
                            + ") is not an open invoice of this customer; looking for one of the same amount");
            queueInvoiceQuery(step.next(INVOICE).with("mode", "amount"), paymentId, ctx);
            return;
        }
        Step search = step;
        if (choice.isPresent()) {
            InvoiceChoice.Choice c = choice.get();
            search = search.with("inv", c.txnId()).with("invref", c.refNumber()).with("apply", c.applied().minorUnits());
            ctx.audit().record(paymentId, "payment.invoice-matched", "ok", step.get("ev"), c.txnId(),
                    "Pays " + c.applied() + " of invoice " + c.refNumber() + " (" + c.txnId() + ")"
                            + (mode.equals("amount") ? ", the customer's open invoice of that amount" : ""));
        } else {
            ctx.audit().record(paymentId, "payment.no-invoice", "ok", step.get("ev"), null,
                    "No open invoice of " + amount + " for this customer: the payment will be left unapplied");
        }
        posting.start(paymentId, search, ctx);
    }

    // ------------------------------------------------------------------ posting

    /** The payment as a ReceivePayment: found by its RefNumber or memo, added with the invoice chosen. */
    private final class Posting extends QbPosting.Plan<ReceivePaymentRet> {

        Posting() {
            super(TxnType.RECEIVE_PAYMENT, STEPS, "payment", SyncKinds.PAYMENT, LedgerKinds.PAYMENT);
        }

        @Override
        public String describe(String paymentId) {
            return "GoCardless payment " + paymentId;
        }

        @Override
        public RqBase search(String paymentId, Step step, ConnectorContext ctx) {
            return TxnType.RECEIVE_PAYMENT.byRefNumber(QbQueue.requestId("pay-search", paymentId), reference(paymentId));
        }

        @Override
        public boolean carries(ReceivePaymentRet ret, String paymentId) {
            return (ret.getMemo() != null && ret.getMemo().contains(paymentId))
                    || reference(paymentId).equals(ret.getRefNumber());
        }

        @Override
        public RqBase add(String paymentId, Step step, ConnectorContext ctx) {
            ConnectionSettings settings = ConnectionSettings.of(ctx);
            Money amount = Money.ofMinor(step.number("amt"), step.require("cur"));
            var add = QbRequests.receivePayment(QbQueue.requestId("pay-add", paymentId))
                    .customerListId(step.require("cust"))
                    .txnDate(LocalDate.parse(step.require("date")))
                    .externalId(paymentId)
                    .totalAmount(amount)
                    .memo(step.get("inv") != null ? "GoCardless payment for invoice " + step.get("invref")
                            : "GoCardless payment")
                    .depositToAccount(QbRefs.fullName(settings.depositAccount()));
            settings.paymentMethod().ifPresent(add::paymentMethod);
            settings.arAccount().ifPresent(a -> add.arAccount(QbRefs.fullName(a)));
            if (step.get("inv") != null) {
                return add.applyTo(step.get("inv"), Money.ofMinor(step.number("apply"), step.require("cur"))).build();
            }
            // Unapplied: the money stays as the customer's credit until a person applies it.
            ReceivePaymentAddRq rq = add.autoApply().build();
            rq.getReceivePaymentAdd().setIsAutoApply(Boolean.FALSE);
            return rq;
        }

        @Override
        public String postedDetail(Step step) {
            return step.get("inv") != null ? ", applied to invoice " + step.get("invref") : ", unapplied";
        }

        @Override
        public void posted(String paymentId, String txnId, Step step, boolean found, ConnectorContext ctx) {
            SyncStatus status = ctx.syncRecords().find(SyncKinds.PAYMENT, paymentId).map(SyncRecord::status)
                    .orElse(null);
            if (status == SyncStatus.FAILED || status == SyncStatus.SKIPPED) {
                // The collection failed while the payment was on its way: take it out again.
                posting.reverse(paymentId, txnId, step.get("ev"), ctx);
                return;
            }
            ctx.syncRecords().done(SyncKinds.PAYMENT, paymentId, txnId);
            if (step.get("inv") == null) {
                ctx.syncRecords().needsAttention(SyncKinds.PAYMENT, paymentId, "Posted to QuickBooks as " + txnId
                        + " but not applied: no open invoice of " + Money.ofMinor(step.number("amt"), step.require("cur"))
                        + " was found for the customer. Apply it to the right invoice in QuickBooks.");
            } else if (step.number("apply") < step.number("amt")) {
                ctx.syncRecords().needsAttention(SyncKinds.PAYMENT, paymentId, "Posted to QuickBooks as " + txnId
                        + "; only " + Money.ofMinor(step.number("apply"), step.require("cur")) + " was due on invoice "
                        + step.get("invref") + ", the rest is the customer's credit. Apply it in QuickBooks.");
            }
            flows.refunds.resume(paymentId, ctx);
            flows.payouts.resume(paymentId, ctx);
        }

        @Override
        public String refused(String problem, Step step, ConnectorContext ctx) {
            return "QuickBooks refused the payment (" + problem + "). Check that the customer, the invoice, the "
                    + "deposit account and the payment method in the connection's settings exist in QuickBooks, "
                    + "then replay.";
        }

        @Override
        public String searchFailed(String problem, ConnectorContext ctx) {
            return "QuickBooks could not search its payments: " + problem;
        }

        @Override
        public void reversed(String paymentId, String txnId, Step step, ConnectorContext ctx) {
            SyncRecord record = ctx.syncRecords().find(SyncKinds.PAYMENT, paymentId).orElse(null);
            String reason = (record == null || record.lastError() == null ? "" : record.lastError())
                    .replace(" is removed at the next Web Connector session.", " was removed from QuickBooks.");
            if (record != null && record.status() == SyncStatus.FAILED) {
                ctx.syncRecords().failed(SyncKinds.PAYMENT, paymentId, reason);
            } else {
                ctx.syncRecords().skipped(SyncKinds.PAYMENT, paymentId, reason);
            }
        }
    }

    private static String reference(String paymentId) {
        return QbText.reference(paymentId, QbLimits.PAYMENT_REF_NUMBER);
    }

    // ------------------------------------------------------------------ failures

    private void keepOut(GoCardlessPayment payment, PaymentRules.Decision decision, String eventId,
                         String eventPayload, Optional<String> posted, SyncRecord record, ConnectorContext ctx) {
        String id = payment.id();
        boolean cancelled = decision == PaymentRules.Decision.CANCELLED;
        SyncStatus flag = cancelled ? SyncStatus.SKIPPED : SyncStatus.FAILED;
        String why = switch (decision) {
            case FAILED -> "The collection failed";
            case CHARGED_BACK -> "The payer's bank charged the payment back";
            default -> "The payment was cancelled before it was collected";
        } + GoCardlessEventDetails.of(eventPayload).optionalDescription().map(d -> " (GoCardless: " + d + ")").orElse("") + ".";
        boolean alreadyFlagged = record.status() == flag && posted.isEmpty();
        if (posted.isPresent() && payment.payoutId() != null) {
            String reason = why + " GoCardless had already paid it out (payout " + payment.payoutId() + "), so the "
                    + "QuickBooks payment " + posted.get() + " stays; GoCardless takes the money back from a later "
                    + "payout, which is booked to the clearing account. Reopen the invoice in QuickBooks, e.g. by "
                    + "recording the charge-back against the customer.";
            if (record.status() != SyncStatus.NEEDS_ATTENTION) {
                ctx.syncRecords().needsAttention(SyncKinds.PAYMENT, id, reason);
                alert(ctx, payment, decision, reason);
            }
            ctx.audit().record(id, "payment.reversal-needs-person", "ok", eventId, posted.get(), why);
            return;
        }
        String reason = why + (posted.isPresent() ? " The QuickBooks payment " + posted.get()
                + " is removed at the next Web Connector session." : " Nothing was recorded in QuickBooks.");
        if (flag == SyncStatus.FAILED) {
            ctx.syncRecords().failed(SyncKinds.PAYMENT, id, reason);
        } else {
            ctx.syncRecords().skipped(SyncKinds.PAYMENT, id, reason);
        }
        ctx.audit().record(id, "payment.not-collected", "ok", eventId, posted.orElse(null), why);
        if (!alreadyFlagged) {
            alert(ctx, payment, decision, reason);
        }
        if (posted.isPresent() && ctx.quickBooks().pending(id) == 0) {
            posting.reverse(id, posted.get(), eventId, ctx);
        }
    }

    private static void alert(ConnectorContext ctx, GoCardlessPayment payment, PaymentRules.Decision decision,
                              String detail) {
        String what = switch (decision) {
            case FAILED -> "failed";
            case CHARGED_BACK -> "was charged back";
            default -> "was cancelled";
        };
        ctx.alerts().raise("GoCardless payment " + payment.id() + " of " + payment.amount() + " " + what, detail,
                payment.id());
    }

    /** Holds the payment for a person, with the reason. */
    void hold(ConnectorContext ctx, String paymentId, String eventId, String reason) {
        posting.hold(ctx, paymentId, eventId, reason);
    }

    private static String summary(GoCardlessPayment payment) {
        return "GoCardless payment " + payment.id() + " of " + payment.amount()
                + (payment.chargeDate() != null ? ", charge date " + payment.chargeDate() : "");
    }
}
