package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.systems.gocardless.connector.GoCardlessEvents;
import java.util.Map;
import java.util.Set;

/** Hands each stored event to the flow for its source and type. */
final class EventRouter {

    /** The GoCardless events this pair acts on. */
    static final GoCardlessEvents GOCARDLESS_EVENTS = new GoCardlessEvents(Keys.GOCARDLESS, Map.of(
            "payments", Set.of("confirmed", "paid_out", "failed", "cancelled", "charged_back", "late_failure_settled"),
            "refunds", Set.of("paid"),
            "payouts", Set.of("paid"),
            "billing_requests", Set.of("fulfilled")));

    private final Flows flows;
    private final Callbacks callbacks;
    private final InvoiceFlow invoices;
    private final MandateFlow mandates;
    private final CollectionFlow collections;
    private final RefundFlow refunds;
    private final PayoutFlow payouts;

    EventRouter(Flows flows, Callbacks callbacks) {
        this.flows = flows;
        this.callbacks = callbacks;
        this.invoices = new InvoiceFlow(flows);
        this.mandates = new MandateFlow(flows, invoices);
        this.collections = new CollectionFlow(flows);
        this.refunds = new RefundFlow(flows);
        this.payouts = new PayoutFlow(flows);
    }

    InvoiceFlow invoices() {
        return invoices;
    }

    PayoutFlow payouts() {
        return payouts;
    }

    void handle(InboundEvent event, ConnectorContext ctx) {
        String id = event.objectId();
        if (id == null) {
            return;
        }
        if (Keys.FRESHBOOKS.equals(event.source())) {
            switch (event.type()) {
                case FreshBooksReceiver.VERIFY -> {
                    Flows.Books books = flows.books(ctx);
                    callbacks.complete(ctx, books.api(), books.accountId(), id);
                }
                case "invoice.create", "invoice.update", "invoice.delete" -> invoices.handle(ctx, id);
                case "client.create", "client.update" -> mandates.clientChanged(ctx, id);
                default -> { }
            }
            return;
        }
        switch (event.type()) {
            case "payments.confirmed", "payments.paid_out" -> collections.collected(ctx, id);
            case "payments.failed", "payments.cancelled", "payments.charged_back", "payments.late_failure_settled" ->
                    collections.reversed(ctx, id, event.type().substring("payments.".length()));
            case "refunds.paid" -> refunds.refunded(ctx, id);
            case "payouts.paid" -> payouts.paid(ctx, id);
            case "billing_requests.fulfilled" -> mandates.fulfilled(ctx, id);
            default -> { }
        }
    }
}
