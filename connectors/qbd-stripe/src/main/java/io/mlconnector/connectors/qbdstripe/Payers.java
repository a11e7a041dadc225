package io.mlconnector.connectors.qbdstripe;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.systems.qbd.customers.CustomerScan;
import io.mlconnector.systems.qbd.customers.Payer;
import io.mlconnector.systems.stripe.StripeCustomer;
import io.mlconnector.systems.stripe.connector.StripeCalls;

import java.util.List;

/** Stripe customers as the kit's QuickBooks customer lookup sees them, and what their payments do with its answer. */
final class Payers implements CustomerScan.Payers {

    private final Flows flows;

    Payers(Flows flows) {
        this.flows = flows;
    }

    @Override
    public Payer payer(String customerId, ConnectorContext ctx) {
        StripeCustomer c = StripeCalls.call(() -> flows.stripe(ctx).customer(customerId));
        String name = c.name() != null ? c.name() : c.email() != null ? c.email() : c.id();
        String[] parts = c.name() == null ? new String[0] : c.name().strip().split("\\s+", 2);
        String description = c.email() != null && !c.email().equals(name) ? name + ", " + c.email() : name;
        return new Payer(c.id(), c.email(), null, parts.length > 1 ? parts[0] : null,
                parts.length > 1 ? parts[1] : null, description);
    }

    @Override
    public void matched(String customerId, String listId, List<String> waiting, String eventId, ConnectorContext ctx) {
        for (String paymentKey : waiting) {
            flows.payments.handle(paymentKey, eventId, ctx);
        }
    }

    @Override
    public void unmatched(String customerId, List<String> waiting, String eventId, String reason,
                          MatchQuestion question, ConnectorContext ctx) {
        for (String paymentKey : waiting) {
            boolean over = ctx.syncRecords().find(SyncKinds.PAYMENT, paymentKey)
                    .map(r -> r.status() == SyncStatus.SKIPPED || r.status() == SyncStatus.FAILED).orElse(false);
            if (!over) {
                flows.payments.posting.hold(ctx, paymentKey, eventId, reason, question);
            }
        }
    }
}
