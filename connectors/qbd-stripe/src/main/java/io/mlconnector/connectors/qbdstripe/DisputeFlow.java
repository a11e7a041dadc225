package io.mlconnector.connectors.qbdstripe;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.stripe.StripeDispute;
import io.mlconnector.systems.stripe.connector.StripeCalls;

import java.util.Optional;

/**
 * A Stripe dispute (charge-back) is flagged for a person with an alert, once per status it reaches.
 * Nothing is posted for it directly: the disputed amount and the dispute fee Stripe withdraws travel
 * in the next payout, whose deposit books them to the clearing account. Whether to reopen the
 * invoice or write the amount off is the person's decision.
 */
final class DisputeFlow {

    private final Flows flows;

    DisputeFlow(Flows flows) {
        this.flows = flows;
    }

    void handle(String disputeId, String eventId, ConnectorContext ctx) {
        StripeDispute dispute = StripeCalls.call(() -> flows.stripe(ctx).dispute(disputeId));
        String paymentKey = dispute.paymentIntentId() != null ? dispute.paymentIntentId() : dispute.chargeId();
        ctx.syncRecords().open(SyncKinds.DISPUTE, disputeId, "Stripe dispute " + disputeId + " of " + dispute.amount()
                + " on payment " + paymentKey);
        String payment = ctx.ids().target(LedgerKinds.PAYMENT, paymentKey)
                .map(txn -> "QuickBooks payment " + txn).orElse("a payment not in QuickBooks");
        String message = switch (dispute.status()) {
            case "lost" -> "The customer's bank kept the disputed " + dispute.amount() + " of " + payment
                    + "; Stripe withdrew " + dispute.withdrawn() + " and a dispute fee of " + dispute.fees()
                    + ", which the next payout's deposit books to the clearing account. Reopen the invoice or "
                    + "write the amount off in QuickBooks.";
            case "won" -> "The dispute was decided in your favour; Stripe returns the money in a later payout, "
                    + "and the deposit books it to the clearing account. Nothing else to do.";
            default -> "The customer disputed " + dispute.amount() + " of " + payment + " (reason: "
                    + dispute.reason() + ", status: " + dispute.status().replace('_', ' ') + "). Respond in Stripe; "
                    + "Stripe withholds the amount and a dispute fee from a payout meanwhile.";
        };
        if ("won".equals(dispute.status())) {
            ctx.syncRecords().done(SyncKinds.DISPUTE, disputeId, null);
        } else {
            ctx.syncRecords().needsAttention(SyncKinds.DISPUTE, disputeId, message);
        }
        ctx.audit().record(disputeId, "dispute." + dispute.status(), "ok", eventId, null, message);
        Optional<String> alerted = ctx.ids().target(LedgerKinds.DISPUTE_ALERTED, disputeId);
        if (alerted.isEmpty() || !alerted.get().equals(dispute.status())) {
            ctx.ids().replace(LedgerKinds.DISPUTE_ALERTED, disputeId, dispute.status());
            ctx.alerts().raise("Stripe dispute " + disputeId + " of " + dispute.amount() + ": "
                    + dispute.status().replace('_', ' '), message, disputeId);
        }
    }
}
