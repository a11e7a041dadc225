package io.mlconnector.connectors.qbdzuora;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.qbd.posting.QbPosting;
import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.zuora.ZuoraApi;
import io.mlconnector.systems.zuora.ZuoraInvoice;
import io.mlconnector.systems.zuora.ZuoraPayment;
import io.mlconnector.systems.zuora.ZuoraPaymentApplication;
import io.mlconnector.systems.zuora.ZuoraRefund;
import io.mlconnector.systems.zuora.callout.Callout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Zuora object means for the books, read from Zuora's API whatever the callout said: a posted
 * invoice is added, a cancelled one removed; a received payment is applied to its invoices, a
 * cancelled or failed one removed; a refund is held for a person with an alert.
 */
final class ZuoraFlows {

    final QbPosting<io.mlconnector.systems.qbd.xml.InvoiceRet> invoices = new QbPosting<>(new InvoicePlan());
    final QbPosting<io.mlconnector.systems.qbd.xml.ReceivePaymentRet> payments = new QbPosting<>(new PaymentPlan());

    void handle(Callout.ObjectKind kind, String id, ZuoraApi zuora, ConnectorContext ctx) {
        switch (kind) {
            case INVOICE -> invoice(zuora.invoice(id).orElseThrow(() -> gone("invoice", id)), zuora, ctx);
            case PAYMENT -> payment(zuora.payment(id).orElseThrow(() -> gone("payment", id)), zuora, ctx);
            case REFUND -> refund(zuora.refund(id).orElseThrow(() -> gone("refund", id)), zuora, ctx);
        }
    }

    private static CannotProcess gone(String what, String id) {
        return new CannotProcess("Zuora has no " + what + " " + id);
    }

    void invoice(ZuoraInvoice invoice, ZuoraApi zuora, ConnectorContext ctx) {
        String id = invoice.id();
        ctx.syncRecords().open(Keys.RECORD_INVOICE, id, "Zuora invoice " + invoice.invoiceNumber() + " of "
                + invoice.amount().toDecimalString() + " " + invoice.currency());
        Optional<String> posted = ctx.ids().target(Keys.INVOICE, id);
        if (invoice.canceled()) {
            if (posted.isPresent()) {
                invoices.reverse(id, posted.get(), null, ctx);
            } else {
                ctx.syncRecords().skipped(Keys.RECORD_INVOICE, id, "Cancelled in Zuora before it reached QuickBooks");
            }
            return;
        }
        if (!invoice.posted() || posted.isPresent()) {
            return;
        }
        Optional<String> customer = AccountCustomers.customerOf(invoice.accountId(), zuora, ctx);
        if (customer.isEmpty()) {
            AccountCustomers.ask(invoices, id, invoice.accountId(), "the invoice", ctx);
            return;
        }
        ctx.syncRecords().waitingForQuickBooks(Keys.RECORD_INVOICE, id);
        invoices.start(id, Step.of("invoice").with("cust", customer.get()).with("num", invoice.invoiceNumber()), ctx);
    }

    void payment(ZuoraPayment payment, ZuoraApi zuora, ConnectorContext ctx) {
        String id = payment.id();
        ctx.syncRecords().open(Keys.RECORD_PAYMENT, id, "Zuora payment " + payment.paymentNumber() + " of "
                + payment.amount().toDecimalString() + " " + payment.currency());
        Optional<String> posted = ctx.ids().target(Keys.PAYMENT, id);
        if (payment.reversed()) {
            if (posted.isPresent()) {
                payments.reverse(id, posted.get(), null, ctx);
                ctx.alerts().raise("Zuora payment " + payment.paymentNumber() + " was reversed",
                        "Zuora marks payment " + payment.paymentNumber() + " " + payment.status() + "; its QuickBooks "
                                + "payment is being deleted, so its invoices are open again.", id);
            } else {
                ctx.syncRecords().skipped(Keys.RECORD_PAYMENT, id, "Zuora marks it " + payment.status()
                        + " before it reached QuickBooks");
            }
            return;
        }
        if (!payment.received() || posted.isPresent()) {
            return;
        }
        Optional<String> customer = AccountCustomers.customerOf(payment.accountId(), zuora, ctx);
        if (customer.isEmpty()) {
            AccountCustomers.ask(payments, id, payment.accountId(), "the payment", ctx);
            return;
        }
        List<String> applied = new ArrayList<>();
        for (ZuoraPaymentApplication application : payment.applications()) {
            Optional<String> invoiceTxn = ctx.ids().target(Keys.INVOICE, application.invoiceId());
            if (invoiceTxn.isEmpty()) {
                // The invoice goes first; its own callout or the poll brings it. Start it here in case.
                zuora.invoice(application.invoiceId()).ifPresent(invoice -> invoice(invoice, zuora, ctx));
                throw new RetryLater("Zuora payment " + payment.paymentNumber() + " waits for its invoice to reach "
                        + "QuickBooks", Duration.ofSeconds(15));
            }
            applied.add(invoiceTxn.get() + ":" + application.appliedAmount().minorUnits());
        }
        if (applied.isEmpty()) {
            ctx.syncRecords().needsAttention(Keys.RECORD_PAYMENT, id, "Zuora payment " + payment.paymentNumber()
                    + " is not applied to any invoice; apply it in Zuora, or record it in QuickBooks by hand.");
            return;
        }
        ctx.syncRecords().waitingForQuickBooks(Keys.RECORD_PAYMENT, id);
        payments.start(id, Step.of("payment").with("cust", customer.get()).with("num", payment.paymentNumber())
                .with("amt", payment.applications().stream().mapToLong(a -> a.appliedAmount().minorUnits()).sum())
                .with("cur", payment.currency())
                .with("date", payment.effectiveDate() == null ? ctx.clock().instant().toString().substring(0, 10)
                        : payment.effectiveDate().toString())
                .with("to", String.join(",", applied)), ctx);
    }

    void refund(ZuoraRefund refund, ZuoraApi zuora, ConnectorContext ctx) {
        String id = refund.id();
        ctx.syncRecords().open(Keys.RECORD_REFUND, id, "Zuora refund " + refund.refundNumber() + " of "
                + refund.amount().toDecimalString() + " " + refund.currency());
        if (!refund.processed()) {
            return;
        }
        String paid = refund.paymentId() == null ? "the account's credit balance"
                : "payment " + zuora.payment(refund.paymentId()).map(p -> p.paymentNumber()).orElse(refund.paymentId());
        String reason = "Zuora refunded " + refund.amount().toDecimalString() + " " + refund.currency() + " of " + paid
                + " on " + refund.refundDate() + " (" + refund.refundNumber() + "). Record the refund in QuickBooks "
                + "(a credit memo and a refund of it for the customer), then mark this done.";
        if (ctx.syncRecords().find(Keys.RECORD_REFUND, id).map(r -> r.status().name()).orElse("").equals("NEEDS_ATTENTION")) {
            return;
        }
        ctx.syncRecords().needsAttention(Keys.RECORD_REFUND, id, reason);
        ctx.alerts().raise("Zuora refund " + refund.refundNumber() + " needs recording in QuickBooks", reason, id);
    }
}
