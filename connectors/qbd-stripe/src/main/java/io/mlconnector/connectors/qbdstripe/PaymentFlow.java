package io.mlconnector.connectors.qbdstripe;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.money.Money;
import io.mlconnector.systems.qbd.QbLimits;
import io.mlconnector.systems.qbd.QbRefs;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.QbText;
import io.mlconnector.systems.qbd.posting.InvoiceChoice;
import io.mlconnector.systems.qbd.posting.QbPosting;
import io.mlconnector.systems.qbd.posting.TxnType;
import io.mlconnector.systems.qbd.queue.QbAnswer;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.xml.InvoiceQueryRs;
import io.mlconnector.systems.qbd.xml.InvoiceRet;
import io.mlconnector.systems.qbd.xml.ReceivePaymentAddRq;
import io.mlconnector.systems.qbd.xml.ReceivePaymentRet;
import io.mlconnector.systems.qbd.xml.RqBase;
import io.mlconnector.systems.stripe.StripeInvoice;
import io.mlconnector.systems.stripe.StripePayment;
import io.mlconnector.systems.stripe.connector.StripeCalls;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A succeeded Stripe payment into QuickBooks as a ReceivePayment: re-read from Stripe (a charge
 * event and a payment-intent event lead to the same payment key), held when it is in another
 * currency than the books, its customer found with the kit's lookup, the invoice it pays chosen
 * (named in metadata, the Stripe invoice it paid, or the one open invoice of that amount), then
 * posted once with the kit's {@link QbPosting}.
 */
final class PaymentFlow {

    static final String INVOICE = "payment.invoice";
    static final QbPosting.Steps STEPS = QbPosting.Steps.of("payment");

    /** Metadata naming the QuickBooks invoice: its TxnID, or its number under one of the other keys. */
    static final String INVOICE_TXN_KEY = "qbd_invoice_txn_id";
    static final List<String> INVOICE_NUMBER_KEYS = List.of("qbd_invoice", "invoice_number", "invoice");
    /** Metadata of Stripe invoices made from QuickBooks invoices. */
    static final String STRIPE_INVOICE_TXN_KEY = "qbd_txn_id";
    static final String STRIPE_INVOICE_REF_KEY = "qbd_ref_number";

    private final Flows flows;
    final QbPosting<ReceivePaymentRet> posting = new QbPosting<>(new Posting());

    PaymentFlow(Flows flows) {
        this.flows = flows;
    }

    /** @param id a payment intent ({@code pi_…}) or charge ({@code ch_…}) id */
    void handle(String id, String eventId, ConnectorContext ctx) {
        StripePayment payment = StripeCalls.call(() -> flows.stripe(ctx).payment(id));
        String key = payment.key();
        ctx.audit().record(key, "payment.read", "ok", eventId, null,
                "Stripe reports payment " + key + " as " + payment.status());
        SyncRecord record = ctx.syncRecords().open(SyncKinds.PAYMENT, key, "Stripe payment " + key + " of "
                + payment.amount());
        Optional<String> posted = ctx.ids().target(LedgerKinds.PAYMENT, key);
        if (posted.isPresent()) {
            if (record.status() != SyncStatus.DONE && record.status() != SyncStatus.NEEDS_ATTENTION) {
                ctx.syncRecords().done(SyncKinds.PAYMENT, key, posted.get());
            }
            ctx.audit().record(key, "payment.already-posted", "ok", eventId, posted.get(),
                    "Already in QuickBooks; nothing posted again");
            return;
        }
        if (!payment.succeeded()) {
            ctx.audit().record(key, "payment.waiting", "ok", eventId, null,
                    "Not succeeded yet (" + payment.status() + "); nothing to record");
            return;
        }
        if (ctx.quickBooks().pending(key) > 0) {
            ctx.audit().record(key, "payment.in-progress", "ok", eventId, null,
                    "Already on its way to QuickBooks; waiting for the Web Connector");
            return;
        }
        Optional<String> books = ConnectionSettings.of(ctx).booksCurrency();
        if (books.isPresent() && !books.get().equals(payment.amount().currency())) {
            posting.hold(ctx, key, eventId, "The payment is in " + payment.amount().currency() + " but the "
                    + "QuickBooks books are kept in " + books.get() + ". Record it by hand, or change \"Currency of "
                    + "the books\" if QuickBooks multicurrency is on, then replay.");
            return;
        }
        if (payment.customerId() == null) {
            posting.hold(ctx, key, eventId, "Stripe has no customer on this payment, so it cannot be given to a "
                    + "QuickBooks customer. Record it by hand, or attach a customer in Stripe and replay.");
            return;
        }
        ctx.syncRecords().waitingForQuickBooks(SyncKinds.PAYMENT, key);
        Optional<String> customer = ctx.ids().target(LedgerKinds.CUSTOMER, payment.customerId());
        if (customer.isPresent()) {
            lookForInvoice(payment, customer.get(), eventId, ctx);
        } else {
            flows.customers.start(payment.customerId(), key, eventId, ctx);
        }
    }

    private void lookForInvoice(StripePayment payment, String customerListId, String eventId, ConnectorContext ctx) {
        LocalDate date = payment.created() == null ? LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC)
                : LocalDate.ofInstant(payment.created(), ZoneOffset.UTC);
        Step step = Step.of(INVOICE).with("ev", eventId).with("cust", customerListId)
                .with("amt", payment.amount().minorUnits()).with("cur", payment.amount().currency())
                .with("date", date);
        Map<String, String> hints = invoiceHints(payment, ctx);
        String txn = hints.get(INVOICE_TXN_KEY);
        String ref = hints.get(STRIPE_INVOICE_REF_KEY);
        if (txn != null) {
            step = step.with("mode", "txn").with("txn", txn);
        } else if (ref != null) {
            step = step.with("mode", "ref").with("ref", ref);
        } else {
            step = step.with("mode", "amount");
        }
        queueInvoiceQuery(step, payment.key(), ctx);
        ctx.audit().record(payment.key(), "payment.invoice-lookup", "queued", eventId, customerListId,
                "Looking for the open invoice of QuickBooks customer " + customerListId + " that this payment pays");
    }

    /** The QuickBooks invoice the payment names: in its own metadata, or in the Stripe invoice it paid. */
    private Map<String, String> invoiceHints(StripePayment payment, ConnectorContext ctx) {
        String txn = blankToNull(payment.metadata().get(INVOICE_TXN_KEY));
        if (txn != null) {
            return Map.of(INVOICE_TXN_KEY, txn);
        }
        for (String k : INVOICE_NUMBER_KEYS) {
            String ref = blankToNull(payment.metadata().get(k));
            if (ref != null && ref.length() <= QbLimits.TXN_REF_NUMBER) {
                return Map.of(STRIPE_INVOICE_REF_KEY, ref);
            }
        }
        if (payment.paymentIntentId() != null) {
            Optional<String> invoiceId = StripeCalls.call(() -> flows.stripe(ctx).invoiceOfPayment(payment.paymentIntentId()));
            if (invoiceId.isPresent()) {
                StripeInvoice invoice = StripeCalls.call(() -> flows.stripe(ctx).invoice(invoiceId.get()));
                String t = blankToNull(invoice.metadata().get(STRIPE_INVOICE_TXN_KEY));
                String r = blankToNull(invoice.metadata().get(STRIPE_INVOICE_REF_KEY));
                if (t != null) {
                    return Map.of(INVOICE_TXN_KEY, t);
                }
                if (r != null) {
                    return Map.of(STRIPE_INVOICE_REF_KEY, r);
                }
            }
        }
        return Map.of();
    }

    private void queueInvoiceQuery(Step step, String key, ConnectorContext ctx) {
        var query = QbRequests.invoiceQuery(QbQueue.requestId("inv", key))
                .includeRetElements("TxnID", "CustomerRef", "RefNumber", "TxnDate", "DueDate", "BalanceRemaining");
        switch (step.require("mode")) {
            case "txn" -> query.txnIds(step.require("txn"));
            case "ref" -> query.customerListId(step.require("cust")).refNumber(step.require("ref"));
            default -> query.customerListId(step.require("cust")).unpaidOnly();
        }
        QbQueue.send(ctx, query.build(), step, key);
    }

    void onInvoices(QbAnswer answer, Step step, String key, ConnectorContext ctx) {
        if (posting.stopped(key, step.get("ev"), ctx)) {
            return;
        }
        if (answer.worthRetrying()) {
            posting.retry(step, key, answer, () -> queueInvoiceQuery(step.retry(), key, ctx), ctx);
            return;
        }
        if (!answer.succeeded() && !answer.notFound()) {
            posting.hold(ctx, key, step.get("ev"), "QuickBooks could not look up the invoices: " + answer.problem());
            return;
        }
        List<InvoiceRet> invoices = answer.succeeded() ? answer.body(InvoiceQueryRs.class).getInvoiceRet() : List.of();
        Money amount = Money.ofMinor(step.number("amt"), step.require("cur"));
        String mode = step.require("mode");
        Optional<InvoiceChoice.Choice> choice = mode.equals("amount")
                ? InvoiceChoice.sameAmount(invoices, step.require("cust"), amount)
                : InvoiceChoice.named(invoices, step.require("cust"), amount);
        if (choice.isEmpty() && !mode.equals("amount")) {
            queueInvoiceQuery(step.next(INVOICE).with("mode", "amount"), key, ctx);
            return;
        }
        Step decided = step;
        if (choice.isPresent()) {
            InvoiceChoice.Choice c = choice.get();
            decided = step.with("inv", c.txnId()).with("invref", c.refNumber()).with("apply", c.applied().minorUnits());
            ctx.audit().record(key, "payment.invoice-matched", "ok", step.get("ev"), c.txnId(),
                    "Pays " + c.applied() + " of invoice " + c.refNumber() + " (" + c.txnId() + ")");
        }
        posting.start(key, decided, ctx);
    }

    /** The payment as a ReceivePayment, found again by its RefNumber or memo. */
    private final class Posting extends QbPosting.Plan<ReceivePaymentRet> {

        Posting() {
            super(TxnType.RECEIVE_PAYMENT, STEPS, "payment", SyncKinds.PAYMENT, LedgerKinds.PAYMENT);
        }

        @Override
        public String describe(String key) {
            return "Stripe payment " + key;
        }

        @Override
        public RqBase search(String key, Step step, ConnectorContext ctx) {
            return TxnType.RECEIVE_PAYMENT.byRefNumber(QbQueue.requestId("pay-search", key), reference(key));
        }

        @Override
        public boolean carries(ReceivePaymentRet ret, String key) {
            return (ret.getMemo() != null && ret.getMemo().contains(key)) || reference(key).equals(ret.getRefNumber());
        }

        @Override
        public RqBase add(String key, Step step, ConnectorContext ctx) {
            ConnectionSettings settings = ConnectionSettings.of(ctx);
            Money amount = Money.ofMinor(step.number("amt"), step.require("cur"));
            var add = QbRequests.receivePayment(QbQueue.requestId("pay-add", key))
                    .customerListId(step.require("cust"))
                    .txnDate(LocalDate.parse(step.require("date")))
                    .externalId(key)
                    .totalAmount(amount)
                    .memo((step.get("inv") != null ? "Stripe payment for invoice " + step.get("invref")
                            : "Stripe payment"))
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
        public void posted(String key, String txnId, Step step, boolean found, ConnectorContext ctx) {
            ctx.syncRecords().done(SyncKinds.PAYMENT, key, txnId);
            Money amount = Money.ofMinor(step.number("amt"), step.require("cur"));
            if (step.get("inv") == null) {
                ctx.syncRecords().needsAttention(SyncKinds.PAYMENT, key, "Posted to QuickBooks as " + txnId
                        + " but not applied: no open invoice of " + amount + " was found for the customer. Apply it "
                        + "to the right invoice in QuickBooks.");
            } else if (step.number("apply") < step.number("amt")) {
                ctx.syncRecords().needsAttention(SyncKinds.PAYMENT, key, "Posted to QuickBooks as " + txnId
                        + "; only " + Money.ofMinor(step.number("apply"), step.require("cur")) + " was due on invoice "
                        + step.get("invref") + ", the rest is the customer's credit. Apply it in QuickBooks.");
            }
            flows.refunds.resume(key, ctx);
            flows.payouts.resume(key, ctx);
        }

        @Override
        public String refused(String problem, Step step, ConnectorContext ctx) {
            return "QuickBooks refused the payment (" + problem + "). Check that the customer, the invoice, the "
                    + "deposit account and the payment method in the connection's settings exist in QuickBooks, "
                    + "then replay.";
        }
    }

    static String reference(String key) {
        return QbText.reference(key, QbLimits.PAYMENT_REF_NUMBER);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
