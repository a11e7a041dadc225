package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.freshbooks.FreshBooksInvoice;
import io.mlconnector.systems.gocardless.GoCardlessBillingRequest;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import java.util.Optional;

/**
 * A payer finished the authorisation link: the billing request is fulfilled and a mandate exists. The client
 * is now that GoCardless customer, and their sent, unpaid invoices are collected.
 */
final class MandateFlow {

    private final Flows flows;
    private final InvoiceFlow invoices;

    MandateFlow(Flows flows, InvoiceFlow invoices) {
        this.flows = flows;
        this.invoices = invoices;
    }

    void fulfilled(ConnectorContext ctx, String billingRequestId) {
        Optional<String> clientId = ctx.ids().source(Keys.CLIENT_BILLING_REQUEST, billingRequestId);
        if (clientId.isEmpty()) {
            return; // a billing request this connection did not send
        }
        GoCardlessBillingRequest brq = GoCardlessCalls.call(() -> flows.gc(ctx).getBillingRequest(billingRequestId));
        if (!brq.fulfilled() || brq.customerId() == null) {
            return;
        }
        ctx.ids().replace(Keys.CLIENT_CUSTOMER, clientId.get(), brq.customerId());
        ctx.audit().record(billingRequestId, "mandate.set-up", "ok", clientId.get(), brq.mandateId(),
                "FreshBooks client " + clientId.get() + " set up GoCardless mandate " + brq.mandateId());
        clientChanged(ctx, clientId.get());
    }

    /** Collects the client's sent, owed invoices that are not being collected yet. */
    void clientChanged(ConnectorContext ctx, String clientId) {
        Flows.Books books = flows.books(ctx);
        for (FreshBooksInvoice invoice : BooksCalls.call(() -> books.api().invoicesOfClient(books.accountId(), clientId))) {
            if (invoice.issued() && !invoice.fullyPaid() && ctx.ids().target(Keys.INVOICE_PAYMENT, invoice.id()).isEmpty()) {
                invoices.handle(ctx, books, invoice.id());
            }
        }
    }
}
