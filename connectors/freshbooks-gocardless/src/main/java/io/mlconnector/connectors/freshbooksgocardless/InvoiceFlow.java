package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.systems.freshbooks.FreshBooksClient;
import io.mlconnector.systems.freshbooks.FreshBooksInvoice;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessApiException;
import io.mlconnector.systems.gocardless.GoCardlessAuthorisation;
import io.mlconnector.systems.gocardless.GoCardlessMandate;
import io.mlconnector.systems.gocardless.GoCardlessMandateRequest;
import io.mlconnector.systems.gocardless.GoCardlessNewPayment;
import io.mlconnector.systems.gocardless.GoCardlessPayment;
import io.mlconnector.systems.gocardless.GoCardlessPaymentCreation;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A FreshBooks invoice, read as it stands now (deliveries and polls carry ids only):
 * <ul>
 *   <li>sent and owed, payer with a usable mandate → one GoCardless payment for what is outstanding, charged on
 *       the due date, under an idempotency key of the invoice, the invoice id in its metadata;</li>
 *   <li>payer without a mandate → a billing request and its authorisation link, on the connection and alerted;</li>
 *   <li>client matching no GoCardless customer → held with a question;</li>
 *   <li>deleted, or paid by other means before collection → the pending GoCardless payment cancelled.</li>
 * </ul>
 */
final class InvoiceFlow {

    static final String METADATA_INVOICE = "freshbooks_invoice_id";
    private static final Set<String> USABLE_MANDATE = Set.of("pending_customer_approval", "pending_submission",
            "submitted", "active");
    private static final Set<String> CANCELLABLE = Set.of("pending_submission", "pending_customer_approval");

    private final Flows flows;
    private final PayerMatch payers = new PayerMatch();

    InvoiceFlow(Flows flows) {
        this.flows = flows;
    }

    void handle(ConnectorContext ctx, String invoiceId) {
        Flows.Books books = flows.books(ctx);
        handle(ctx, books, invoiceId);
    }

    void handle(ConnectorContext ctx, Flows.Books books, String invoiceId) {
        Optional<FreshBooksInvoice> found = BooksCalls.find(() -> books.api().invoice(books.accountId(), invoiceId));
        Optional<String> collecting = ctx.ids().target(Keys.INVOICE_PAYMENT, invoiceId);
        if (found.isEmpty() || found.get().deleted()) {
            collecting.ifPresent(pm -> cancel(ctx, invoiceId, pm, "the invoice was deleted in FreshBooks"));
            return;
        }
        FreshBooksInvoice invoice = found.get();
        if (collecting.isPresent()) {
            boolean postedByUs = ctx.ids().target(Keys.PAYMENT_POSTED, collecting.get()).isPresent();
            if (invoice.fullyPaid() && !postedByUs) {
                cancel(ctx, invoiceId, collecting.get(), "the invoice was paid by other means in FreshBooks");
            }
            return;
        }
        if (!invoice.issued() || invoice.outstanding() == null || invoice.outstanding().minorUnits() <= 0) {
            return;
        }
        String summary = "Invoice " + invoice.number() + " for " + invoice.outstanding();
        ctx.syncRecords().open(Keys.INVOICE, invoiceId, summary);
        FreshBooksClient client = BooksCalls.call(() -> books.api().client(books.accountId(), invoice.clientId()));
        GoCardlessApi gc = flows.gc(ctx);
        Optional<Payer> payer = payers.find(ctx, gc, client);
        if (payer.isEmpty()) {
            ctx.syncRecords().needsAttention(Keys.INVOICE, invoiceId, "No single GoCardless customer matches FreshBooks client "
                            + client.displayName() + (client.email() == null ? "" : " (" + client.email() + ")")
                            + ": say who pays, or choose \"Not in GoCardless yet\" to send them a Direct Debit link.",
                    new MatchQuestion(Keys.CLIENT_CUSTOMER, client.id(), "GoCardless customer", Keys.GC_CUSTOMERS));
            return;
        }
        Optional<GoCardlessMandate> mandate = payer.get().known()
                ? GoCardlessCalls.call(() -> gc.listMandatesOfCustomer(payer.get().customerId())).stream()
                        .filter(m -> USABLE_MANDATE.contains(m.status())).findFirst()
                : Optional.empty();
        if (mandate.isPresent()) {
            collect(ctx, books, gc, invoice, mandate.get());
        } else {
            askForMandate(ctx, gc, invoice, client, payer.get());
        }
    }

    private void collect(ConnectorContext ctx, Flows.Books books, GoCardlessApi gc, FreshBooksInvoice invoice,
                         GoCardlessMandate mandate) {
        LocalDate today = LocalDate.now(ctx.clock());
        LocalDate due = invoice.dueDate();
        LocalDate earliest = mandate.nextPossibleChargeDate();
        LocalDate chargeOn = due == null || !due.isAfter(today) || (earliest != null && due.isBefore(earliest)) ? null : due;
        GoCardlessNewPayment request = new GoCardlessNewPayment(invoice.outstanding(), mandate.id(), chargeOn,
                null, "FreshBooks invoice " + invoice.number(),
                Map.of(METADATA_INVOICE, invoice.id(), "freshbooks_account_id", books.accountId()));
        String key = "freshbooks-invoice-" + ctx.connectionId() + "-" + invoice.id();
        GoCardlessPaymentCreation created;
        try {
            created = GoCardlessCalls.call(() -> gc.createPayment(request, key));
        } catch (CannotProcess e) {
            if (e.getCause() instanceof GoCardlessApiException gce && gce.status() == 422 && chargeOn != null) {
                // A due date GoCardless cannot meet: collect as soon as it can instead.
                created = GoCardlessCalls.call(() -> gc.createPayment(new GoCardlessNewPayment(request.amount(),
                        request.mandateId(), null, null, request.description(), request.metadata()), key + "-asap"));
            } else {
                throw e;
            }
        }
        GoCardlessPayment payment = created.payment();
        ctx.ids().put(Keys.INVOICE_PAYMENT, invoice.id(), payment.id());
        ctx.syncRecords().done(Keys.INVOICE, invoice.id(), payment.id());
        ctx.audit().record(invoice.id(), "invoice.collecting", "ok", invoice.id(), payment.id(),
                "GoCardless payment " + payment.id() + " of " + payment.amount() + " on mandate " + mandate.id()
                        + (payment.chargeDate() == null ? "" : ", charged on " + payment.chargeDate()));
    }

    private void askForMandate(ConnectorContext ctx, GoCardlessApi gc, FreshBooksInvoice invoice, FreshBooksClient client,
                               Payer payer) {
        String key = "freshbooks-client-" + ctx.connectionId() + "-" + client.id() + "-" + invoice.currency();
        GoCardlessMandateRequest request = new GoCardlessMandateRequest(invoice.currency(), payer.customerId(),
                client.email(), client.firstName(), client.lastName(), client.organization(),
                Map.of(PayerMatch.METADATA_CLIENT, client.id()));
        GoCardlessAuthorisation link = GoCardlessCalls.call(() -> gc.requestMandate(request, key));
        ctx.ids().replace(Keys.CLIENT_BILLING_REQUEST, client.id(), link.billingRequestId());
        if (link.customerId() != null) {
            ctx.ids().replace(Keys.CLIENT_CUSTOMER, client.id(), link.customerId());
        }
        String words = client.displayName() + " has no Direct Debit mandate yet. Send them this link to set one up: "
                + link.authorisationUrl() + " — invoice " + invoice.number() + " (" + invoice.outstanding()
                + ") is collected once they have.";
        if (ctx.ids().put(Keys.LINK_ANNOUNCED, link.billingRequestId(), invoice.id())) {
            ctx.alerts().raise("Direct Debit link for " + client.displayName(), words, invoice.id());
        }
        ctx.syncRecords().needsAttention(Keys.INVOICE, invoice.id(), words);
        ctx.audit().record(invoice.id(), "mandate.requested", "ok", client.id(), link.billingRequestId(),
                "Billing request " + link.billingRequestId() + " for " + client.displayName());
    }

    private void cancel(ConnectorContext ctx, String invoiceId, String paymentId, String why) {
        GoCardlessApi gc = flows.gc(ctx);
        GoCardlessPayment payment = GoCardlessCalls.payment(gc, paymentId, ctx);
        if (!CANCELLABLE.contains(payment.status())) {
            ctx.audit().record(invoiceId, "payment.cancel", "too-late", invoiceId, paymentId,
                    "GoCardless payment " + paymentId + " is " + payment.status() + " and can no longer be cancelled ("
                            + why + ")");
            if (!"cancelled".equals(payment.status())) {
                ctx.alerts().raise("GoCardless payment " + paymentId + " could not be cancelled",
                        "FreshBooks invoice " + invoiceId + ": " + why + ", but GoCardless payment " + paymentId + " is "
                                + payment.status() + ". Refund it in GoCardless if the money should not be collected.",
                        invoiceId);
            }
            return;
        }
        GoCardlessCalls.call(() -> gc.cancelPayment(paymentId));
        ctx.syncRecords().skipped(Keys.INVOICE, invoiceId, "GoCardless payment " + paymentId + " cancelled: " + why);
        ctx.audit().record(invoiceId, "payment.cancelled", "ok", invoiceId, paymentId,
                "GoCardless payment " + paymentId + " cancelled: " + why);
    }
}
