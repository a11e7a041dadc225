package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.freshbooks.FreshBooksPayment;
import io.mlconnector.systems.freshbooks.NewPayment;
import io.mlconnector.systems.gocardless.GoCardlessPayment;
import io.mlconnector.systems.gocardless.GoCardlessRefund;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A GoCardless refund of an invoice's collection → a negative payment on that FreshBooks invoice, so the
 * refunded part is owed again and the refund is visible on the invoice; never dropped. Exactly once, like
 * collections (ledger, then the refund's id in a payment note, then create).
 */
final class RefundFlow {

    private final Flows flows;

    RefundFlow(Flows flows) {
        this.flows = flows;
    }

    void refunded(ConnectorContext ctx, String refundId) {
        if (ctx.ids().target(Keys.REFUND_POSTED, refundId).isPresent()) {
            return;
        }
        var gc = flows.gc(ctx);
        GoCardlessRefund refund = GoCardlessCalls.call(() -> gc.getRefund(refundId));
        if (refund.paymentId() == null) {
            return;
        }
        GoCardlessPayment payment = GoCardlessCalls.payment(gc, refund.paymentId(), ctx);
        Optional<String> invoiceId = CollectionFlow.invoiceOf(ctx, payment);
        if (invoiceId.isEmpty()) {
            return;
        }
        ctx.syncRecords().open(Keys.REFUND, refundId, "GoCardless refund " + refundId + " of " + refund.amount()
                + " (payment " + payment.id() + ", FreshBooks invoice " + invoiceId.get() + ")");
        String note = "GoCardless refund " + refundId + " of payment " + payment.id();
        Flows.Books books = flows.books(ctx);
        Optional<FreshBooksPayment> already = BooksCalls.call(() -> books.api().paymentsOfInvoice(books.accountId(), invoiceId.get()))
                .stream().filter(p -> !p.deleted() && p.note() != null && p.note().contains("GoCardless refund " + refundId))
                .findFirst();
        FreshBooksPayment posted = already.orElseGet(() -> BooksCalls.call(() -> books.api().createPayment(books.accountId(),
                new NewPayment(invoiceId.get(), refund.amount().negate(), LocalDate.now(ctx.clock()),
                        ctx.settings().get(Keys.PAYMENT_TYPE, "Bank Transfer"), note))));
        ctx.ids().put(Keys.REFUND_POSTED, refundId, posted.id());
        ctx.syncRecords().done(Keys.REFUND, refundId, posted.id());
        ctx.audit().record(refundId, "refund.posted", already.isPresent() ? "found" : "ok", refundId, posted.id(),
                "Refund of " + refund.amount() + " recorded on FreshBooks invoice " + invoiceId.get() + " as payment " + posted.id());
    }
}
