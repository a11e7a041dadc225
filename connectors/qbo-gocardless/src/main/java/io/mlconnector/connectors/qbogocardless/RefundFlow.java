package io.mlconnector.connectors.qbogocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessPayment;
import io.mlconnector.systems.gocardless.GoCardlessRefund;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.systems.qbo.QboPayment;
import io.mlconnector.systems.qbo.QboRefundReceipt;
import io.mlconnector.systems.qbo.QuickBooksOnline;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A GoCardless refund becomes a QuickBooks Online refund receipt for the customer of the payment,
 * paid from the GoCardless clearing account, with the refund and payment ids in its memo.
 */
final class RefundFlow {

    static final String KIND = "refund";

    void refunded(String refundId, QuickBooksOnline books, GoCardlessApi gc, ConnectorContext ctx) {
        if (ctx.ids().target(Ledger.REFUND, refundId).isPresent()) {
            return;
        }
        GoCardlessRefund refund = GoCardlessCalls.call(() -> gc.getRefund(refundId));
        ctx.syncRecords().open(KIND, refundId, "GoCardless refund " + refundId + " of " + refund.amount());
        Optional<String> posted = refund.paymentId() == null ? Optional.empty() : ctx.ids().target(Ledger.PAYMENT, refund.paymentId());
        if (posted.isEmpty()) {
            ctx.syncRecords().skipped(KIND, refundId, "Its payment was not recorded in QuickBooks Online by this connection");
            return;
        }
        QboPayment payment = books.payment(posted.get());
        String clearing = Books.requireSetting(ctx, Keys.CLEARING_ACCOUNT, "GoCardless clearing account");
        String item = Books.requireSetting(ctx, Keys.REFUND_ITEM, "item for refunds");
        String memo = "GoCardless refund " + refundId + " of payment " + refund.paymentId();
        String id = books.createRefundReceipt(QboRefundReceipt.newRefund(payment.customer().value(), item, clearing,
                refund.amount(), LocalDate.now(ctx.clock()), refundId, memo), "gc-" + refundId);
        ctx.ids().put(Ledger.REFUND, refundId, id);
        ctx.syncRecords().done(KIND, refundId, id);
        ctx.audit().record(refund.paymentId(), "refund.posted", "ok", refundId, id, memo);
    }
}
