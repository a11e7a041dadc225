package io.mlconnector.connectors.qbogocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessPayment;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.systems.qbo.QboInvoice;
import io.mlconnector.systems.qbo.QboPayment;
import io.mlconnector.systems.qbo.QboRequestRejected;
import io.mlconnector.systems.qbo.QuickBooksOnline;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A collected GoCardless payment becomes a QuickBooks Online Payment linked to its invoice, with the
 * GoCardless id as reference and in the memo, into Undeposited Funds or the chosen account. A
 * failure, cancellation or charge-back removes a posted Payment so the invoice is open again, and
 * raises an alert.
 */
final class CollectionFlow {

    static final String KIND = "payment";

    void collected(String paymentId, QuickBooksOnline books, GoCardlessApi gc, ConnectorContext ctx) {
        if (ctx.ids().target(Ledger.PAYMENT, paymentId).isPresent()) {
            return; // posted already: a repeated or late event
        }
        GoCardlessPayment payment = GoCardlessCalls.payment(gc, paymentId, ctx);
        Optional<String> invoiceId = ctx.ids().source(Ledger.INVOICE_PAYMENT, paymentId)
                .or(() -> Optional.ofNullable(payment.metadata().get("quickbooks_online_invoice")));
        ctx.syncRecords().open(KIND, paymentId, "GoCardless payment " + paymentId + " of " + payment.amount());
        if (invoiceId.isEmpty()) {
            ctx.syncRecords().skipped(KIND, paymentId, "Not collected for a QuickBooks Online invoice (paid outside QuickBooks)");
            return;
        }
        QboInvoice invoice = books.invoice(invoiceId.get());
        if (invoice.balance().compareTo(payment.amount()) < 0) {
            // Someone recorded (part of) the payment in QuickBooks meanwhile: never apply it twice.
            ctx.syncRecords().needsAttention(KIND, paymentId, "Invoice " + invoice.docNumber() + " has only "
                    + invoice.balance() + " left to pay, less than the " + payment.amount()
                    + " collected; it was probably paid another way. Check it in QuickBooks Online.");
            ctx.alerts().raise("Collected payment not recorded", "GoCardless payment " + paymentId
                    + " was collected but invoice " + invoice.docNumber() + " is already paid", paymentId);
            return;
        }
        String memo = "GoCardless payment " + paymentId;
        QboPayment posted = books.createPayment(QboPayment.newForInvoice(invoice.customer().value(), invoice.id(),
                payment.amount(), payment.chargeDate() != null ? payment.chargeDate() : LocalDate.now(ctx.clock()),
                paymentId, memo, ctx.settings().get(Keys.DEPOSIT_ACCOUNT).filter(s -> !s.isBlank()).orElse(null),
                ctx.settings().get(Keys.PAYMENT_METHOD).filter(s -> !s.isBlank()).orElse(null)), "gc-" + paymentId);
        ctx.ids().put(Ledger.PAYMENT, paymentId, posted.id());
        ctx.syncRecords().done(KIND, paymentId, posted.id());
        ctx.audit().record(paymentId, "payment.posted", "ok", paymentId, posted.id(),
                "Payment linked to invoice " + invoice.docNumber());
    }

    void reversed(String paymentId, String what, QuickBooksOnline books, ConnectorContext ctx) {
        Optional<String> posted = ctx.ids().target(Ledger.PAYMENT, paymentId);
        ctx.syncRecords().open(KIND, paymentId, "GoCardless payment " + paymentId);
        if (posted.isPresent()) {
            try {
                books.deletePayment(posted.get());
            } catch (QboRequestRejected e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
            ctx.ids().remove(Ledger.PAYMENT, paymentId);
            ctx.audit().record(paymentId, "payment.removed", "ok", paymentId, posted.get(),
                    "Payment removed from QuickBooks Online: the collection " + what);
        }
        ctx.syncRecords().failed(KIND, paymentId, "The GoCardless collection " + what
                + (posted.isPresent() ? "; the payment was removed so the invoice is open again" : "; nothing was posted"));
        ctx.alerts().raise("GoCardless payment " + what, "Payment " + paymentId + " " + what
                + ". The invoice is open in QuickBooks Online.", paymentId);
    }
}
