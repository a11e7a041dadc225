package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.freshbooks.FreshBooksInvoice;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The backstop for late or lost FreshBooks webhooks: invoices updated since the cursor, handled as a
 * delivery would be. The cursor is FreshBooks' own {@code updated} text of the newest invoice seen plus the
 * ids seen at that moment: FreshBooks' filter includes its bound, and those are not handled twice. The first
 * run only notes where FreshBooks is, so invoices from before the connection are not collected unasked.
 */
final class InvoicePoll {

    private final Flows flows;
    private final InvoiceFlow invoices;

    InvoicePoll(Flows flows, InvoiceFlow invoices) {
        this.flows = flows;
        this.invoices = invoices;
    }

    void run(ConnectorContext ctx) {
        Flows.Books books = flows.books(ctx);
        Optional<String> cursor = ctx.cursors().get(Keys.INVOICE_CURSOR);
        String since = cursor.map(c -> c.substring(0, c.indexOf('|') < 0 ? c.length() : c.indexOf('|'))).orElse(null);
        Set<String> seenAtBound = cursor.filter(c -> c.indexOf('|') >= 0)
                .map(c -> Set.of(c.substring(c.indexOf('|') + 1).split(","))).orElse(Set.of());
        List<FreshBooksInvoice> updated = BooksCalls.call(() -> books.api().invoicesUpdatedSince(books.accountId(), since))
                .stream().filter(i -> i.updated() != null)
                .filter(i -> !(i.updated().equals(since) && seenAtBound.contains(i.id())))
                .sorted(Comparator.comparing(FreshBooksInvoice::updated)).toList();
        String bound = since;
        Set<String> atBound = new LinkedHashSet<>(seenAtBound);
        for (FreshBooksInvoice invoice : updated) {
            if (cursor.isPresent()) {
                try {
                    invoices.handle(ctx, books, invoice.id());
                } catch (CannotProcess e) {
                    // Its own sync record says what is wrong; one bad invoice must not stop the rest.
                    ctx.audit().record(invoice.id(), "invoice.poll", "error", invoice.id(), null, e.getMessage());
                }
            }
            if (!invoice.updated().equals(bound)) {
                bound = invoice.updated();
                atBound.clear();
            }
            atBound.add(invoice.id());
            ctx.cursors().set(Keys.INVOICE_CURSOR, bound + "|" + String.join(",", atBound));
        }
    }
}
