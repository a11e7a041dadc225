package io.mlconnector.connectors.qbogocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.money.Money;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessMandate;
import io.mlconnector.systems.gocardless.GoCardlessNewPayment;
import io.mlconnector.systems.gocardless.GoCardlessPaymentCreation;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.systems.qbo.QboCustomer;
import io.mlconnector.systems.qbo.QboInvoice;
import io.mlconnector.systems.qbo.QuickBooksOnline;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * An unpaid QuickBooks Online invoice of a customer with an active mandate becomes one GoCardless
 * payment for its balance, charged on its due date or the earliest date the mandate allows. The
 * idempotency key and the ledger make sure it is created once however often the invoice is seen.
 * A customer without an active mandate is listed as waiting for one.
 */
final class InvoiceFlow {

    static final String KIND = "invoice";
    private final CustomerFlow customers;

    InvoiceFlow(CustomerFlow customers) {
        this.customers = customers;
    }

    void collect(QboInvoice invoice, QuickBooksOnline books, GoCardlessApi gc, ConnectorContext ctx) {
        if (ctx.ids().target(Ledger.INVOICE_PAYMENT, invoice.id()).isPresent()) {
            return; // already being collected
        }
        if (!invoice.isUnpaid()) {
            return;
        }
        String label = "Invoice " + (invoice.docNumber() == null ? invoice.id() : invoice.docNumber());
        ctx.syncRecords().open(KIND, invoice.id(), label + " for " + invoice.balance());
        if (!invoice.currency().equalsIgnoreCase(books.homeCurrency()) && !Books.multiCurrency(ctx)) {
            ctx.syncRecords().needsAttention(KIND, invoice.id(), label + " is in " + invoice.currency()
                    + " but the company's books are in " + books.homeCurrency() + " without multi-currency");
            return;
        }
        QboCustomer customer = books.customer(invoice.customer().value());
        String gcCustomer = customers.sync(customer, books.client().realmId(), gc, ctx);
        Optional<GoCardlessMandate> mandate = GoCardlessCalls.call(() -> gc.listMandatesOfCustomer(gcCustomer)).stream()
                .filter(m -> m.isActive() || "pending_submission".equals(m.status()) || "submitted".equals(m.status()))
                .max(Comparator.comparing(GoCardlessMandate::isActive));
        if (mandate.isEmpty()) {
            ctx.syncRecords().needsAttention(KIND, invoice.id(), customer.displayName()
                    + " has no Direct Debit mandate yet: waiting for a mandate before " + label + " can be collected");
            return;
        }
        LocalDate chargeDate = chargeDate(invoice.dueDate(), mandate.get().nextPossibleChargeDate(), LocalDate.now(ctx.clock()));
        Money amount = invoice.balance();
        String realm = books.client().realmId();
        GoCardlessNewPayment request = new GoCardlessNewPayment(amount, mandate.get().id(), chargeDate,
                null, label, Map.of("quickbooks_online_invoice", invoice.id()));
        GoCardlessPaymentCreation created = GoCardlessCalls.call(
                () -> gc.createPayment(request, "qbo-invoice-" + realm + "-" + invoice.id()));
        String pm = created.payment().id();
        ctx.ids().put(Ledger.INVOICE_PAYMENT, invoice.id(), pm);
        ctx.syncRecords().done(KIND, invoice.id(), pm);
        ctx.audit().record("qbo-invoice-" + invoice.id(), "payment.requested", "ok", invoice.id(), pm,
                "GoCardless payment of " + amount + " charged on " + (chargeDate == null ? "the earliest date" : chargeDate));
    }

    /** The due date, unless the mandate cannot be charged that early (then GoCardless picks the earliest). */
    static LocalDate chargeDate(LocalDate due, LocalDate earliest, LocalDate today) {
        if (due == null || !due.isAfter(today)) {
            return null;
        }
        if (earliest != null && due.isBefore(earliest)) {
            return null;
        }
        return due;
    }
}
