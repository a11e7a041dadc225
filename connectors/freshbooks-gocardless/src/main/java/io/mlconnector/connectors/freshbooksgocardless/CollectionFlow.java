package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.freshbooks.FreshBooksInvoice;
import io.mlconnector.systems.freshbooks.FreshBooksPayment;
import io.mlconnector.systems.freshbooks.NewPayment;
import io.mlconnector.systems.gocardless.GoCardlessPayment;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A GoCardless payment of a FreshBooks invoice: collected → one FreshBooks payment on the invoice (exactly
 * once: the ledger, then a search of the invoice's payments for the GoCardless id in the note, then create);
 * failed, cancelled or charged back after that → the FreshBooks payment removed, so the invoice is owed
 * again, and people alerted.
 */
final class CollectionFlow {

    private final Flows flows;

    CollectionFlow(Flows flows) {
        this.flows = flows;
    }

    static String note(String paymentId) {
        return "GoCardless payment " + paymentId;
    }

    void collected(ConnectorContext ctx, String paymentId) {
        if (ctx.ids().target(Keys.PAYMENT_POSTED, paymentId).isPresent()) {
            return;
        }
        GoCardlessPayment payment = GoCardlessCalls.payment(flows.gc(ctx), paymentId, ctx);
        Optional<String> invoiceId = invoiceOf(ctx, payment);
        if (invoiceId.isEmpty()) {
            return; // not a payment this connection asked for
        }
        ctx.syncRecords().open(Keys.PAYMENT, paymentId, "GoCardless payment " + paymentId + " of " + payment.amount()
                + " for FreshBooks invoice " + invoiceId.get());
        Flows.Books books = flows.books(ctx);
        FreshBooksInvoice invoice = BooksCalls.call(() -> books.api().invoice(books.accountId(), invoiceId.get()));
        if (!invoice.currency().equals(payment.currency())) {
            ctx.syncRecords().needsAttention(Keys.PAYMENT, paymentId, "Held: GoCardless collected " + payment.amount()
                    + " but FreshBooks invoice " + invoice.number() + " is in " + invoice.currency()
                    + ". Record it in FreshBooks by hand, then mark this done.");
            return;
        }
        Optional<FreshBooksPayment> already = BooksCalls.call(() -> books.api().paymentsOfInvoice(books.accountId(), invoice.id()))
                .stream().filter(p -> !p.deleted() && p.note() != null && p.note().contains(note(paymentId))).findFirst();
        FreshBooksPayment posted = already.orElseGet(() -> BooksCalls.call(() -> books.api().createPayment(books.accountId(),
                new NewPayment(invoice.id(), payment.amount(), payment.chargeDate() != null ? payment.chargeDate()
                        : LocalDate.now(ctx.clock()), ctx.settings().get(Keys.PAYMENT_TYPE, "Bank Transfer"), note(paymentId)))));
        ctx.ids().put(Keys.PAYMENT_POSTED, paymentId, posted.id());
        ctx.syncRecords().done(Keys.PAYMENT, paymentId, posted.id());
        ctx.audit().record(paymentId, "payment.posted", already.isPresent() ? "found" : "ok", paymentId, posted.id(),
                "FreshBooks payment " + posted.id() + " of " + payment.amount() + " on invoice " + invoice.number());
    }

    /** {@code what}: failed, cancelled, charged_back, late_failure_settled… */
    void reversed(ConnectorContext ctx, String paymentId, String what) {
        Optional<String> posted = ctx.ids().target(Keys.PAYMENT_POSTED, paymentId);
        String invoiceId = ctx.ids().source(Keys.INVOICE_PAYMENT, paymentId).orElse(null);
        if (posted.isEmpty()) {
            if (invoiceId != null && !"cancelled".equals(what)) {
                ctx.syncRecords().open(Keys.PAYMENT, paymentId, "GoCardless payment " + paymentId + " for FreshBooks invoice " + invoiceId);
                ctx.syncRecords().needsAttention(Keys.PAYMENT, paymentId, "GoCardless payment " + paymentId + " " + words(what)
                        + "; FreshBooks invoice " + invoiceId + " is still owed.");
                ctx.alerts().raise("GoCardless payment " + paymentId + " " + words(what),
                        "Nothing was recorded in FreshBooks; invoice " + invoiceId + " is still owed. Contact the payer or "
                                + "retry the collection in GoCardless.", paymentId);
            }
            return;
        }
        Flows.Books books = flows.books(ctx);
        BooksCalls.find(() -> books.api().payment(books.accountId(), posted.get())).filter(p -> !p.deleted())
                .ifPresent(p -> BooksCalls.call(() -> {
                    books.api().deletePayment(books.accountId(), p.id());
                    return null;
                }));
        ctx.ids().remove(Keys.PAYMENT_POSTED, paymentId);
        String reason = "GoCardless payment " + paymentId + " " + words(what) + " after it was recorded: FreshBooks payment "
                + posted.get() + " was removed, so invoice " + invoiceId + " is owed again.";
        ctx.syncRecords().open(Keys.PAYMENT, paymentId, "GoCardless payment " + paymentId);
        ctx.syncRecords().needsAttention(Keys.PAYMENT, paymentId, reason);
        ctx.alerts().raise("GoCardless payment " + paymentId + " " + words(what), reason, paymentId);
        ctx.audit().record(paymentId, "payment.reversed", "ok", paymentId, posted.get(), reason);
    }

    static Optional<String> invoiceOf(ConnectorContext ctx, GoCardlessPayment payment) {
        return ctx.ids().source(Keys.INVOICE_PAYMENT, payment.id())
                .or(() -> Optional.ofNullable(payment.metadata().get(InvoiceFlow.METADATA_INVOICE)));
    }

    private static String words(String what) {
        return switch (what) {
            case "charged_back" -> "was charged back";
            case "late_failure_settled" -> "failed late";
            default -> "was " + what.replace('_', ' ');
        };
    }
}
