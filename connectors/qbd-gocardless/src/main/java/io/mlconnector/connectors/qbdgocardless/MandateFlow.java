package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.systems.gocardless.GoCardlessEventDetails;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.gocardless.GoCardlessMandate;

import java.util.Set;

/**
 * Mandate events: an active mandate of a customer the ledger does not know yet starts the customer
 * lookup early, so its first payment posts without waiting; a mandate that can no longer be used is
 * flagged when this connection collects invoices through it.
 */
final class MandateFlow {

    private static final Set<String> UNUSABLE = Set.of("cancelled", "failed", "expired", "blocked",
            "suspended_by_payer", "consumed");

    private final Flows flows;

    MandateFlow(Flows flows) {
        this.flows = flows;
    }

    void handle(String mandateId, String eventId, String eventPayload, ConnectorContext ctx) {
        GoCardlessMandate mandate = GoCardlessCalls.call(() -> flows.gc(ctx).getMandate(mandateId));
        if (mandate.customerId() != null) {
            ctx.ids().put(LedgerKinds.MANDATE_CUSTOMER, mandateId, mandate.customerId());
        }
        ctx.audit().record(mandateId, "mandate.read", "ok", eventId, null,
                "GoCardless mandate " + mandateId + " of customer " + mandate.customerId() + " is " + mandate.status());
        if (mandate.isActive() && mandate.customerId() != null
                && ctx.ids().target(LedgerKinds.CUSTOMER, mandate.customerId()).isEmpty()) {
            flows.customers.start(mandate.customerId(), null, eventId, ctx);
            return;
        }
        if (UNUSABLE.contains(mandate.status()) && ConnectionSettings.of(ctx).reverseFlow()) {
            String detail = "GoCardless can no longer collect from customer " + mandate.customerId()
                    + " with mandate " + mandateId + " (" + mandate.status() + ")"
                    + GoCardlessEventDetails.of(eventPayload).optionalDescription().map(d -> ": " + d).orElse("")
                    + ". Their open QuickBooks invoices are not collected until they set up a new mandate.";
            ctx.alerts().raise("GoCardless mandate " + mandateId + " " + mandate.status(), detail, mandateId);
        }
    }
}
