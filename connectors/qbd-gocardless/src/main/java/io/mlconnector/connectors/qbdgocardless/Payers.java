package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.systems.gocardless.GoCardlessCustomer;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.systems.qbd.customers.CustomerScan;
import io.mlconnector.systems.qbd.customers.Payer;

import java.util.List;

/** GoCardless customers as the QuickBooks customer lookup sees them, and what their payments do with its answer. */
final class Payers implements CustomerScan.Payers {

    private final Flows flows;

    Payers(Flows flows) {
        this.flows = flows;
    }

    @Override
    public Payer payer(String customerId, ConnectorContext ctx) {
        GoCardlessCustomer c = GoCardlessCalls.call(() -> flows.gc(ctx).getCustomer(customerId));
        String name = c.displayName();
        String description = c.email() != null && !c.email().equals(name) ? name + ", " + c.email() : name;
        return new Payer(c.id(), c.email(), c.companyName(), c.givenName(), c.familyName(), description);
    }

    @Override
    public void matched(String customerId, String listId, List<String> waiting, String eventId, ConnectorContext ctx) {
        for (String paymentId : waiting) {
            flows.payments.handle(paymentId, eventId, null, ctx);
        }
    }

    @Override
    public void unmatched(String customerId, List<String> waiting, String eventId, String reason,
                          MatchQuestion question, ConnectorContext ctx) {
        for (String paymentId : waiting) {
            if (!noLongerCollected(ctx, paymentId)) {
                flows.payments.posting.hold(ctx, paymentId, eventId, reason, question);
            }
        }
    }

    /** True when the payment no longer needs posting (it failed or was cancelled meanwhile). */
    private static boolean noLongerCollected(ConnectorContext ctx, String paymentId) {
        return ctx.syncRecords().find(SyncKinds.PAYMENT, paymentId)
                .map(r -> r.status() == SyncStatus.FAILED || r.status() == SyncStatus.SKIPPED)
                .orElse(false);
    }
}
