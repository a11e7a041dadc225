package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.queue.QbAnswer;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.money.Money;
import io.mlconnector.systems.gocardless.GoCardlessMandate;
import io.mlconnector.systems.gocardless.GoCardlessNewPayment;
import io.mlconnector.systems.gocardless.GoCardlessPaymentCreation;
import io.mlconnector.systems.qbd.QbAmounts;
import io.mlconnector.systems.qbd.QbIterators;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.xml.InvoiceQueryRq;
import io.mlconnector.systems.qbd.xml.InvoiceQueryRs;
import io.mlconnector.systems.qbd.xml.InvoiceRet;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Optional, off by default: open QuickBooks invoices of customers with an active GoCardless mandate
 * become GoCardless payments charged on the invoice's due date. One payment per invoice, ever: the
 * idempotency key is derived from the connection and the invoice's TxnID, and the ledger remembers
 * which payment collects which invoice. The payment carries the invoice's TxnID in its metadata, so
 * when it is collected it is applied to exactly that invoice.
 */
final class ReverseFlow {

    static final String SCAN = "reverse.invoices";
    static final String CORRELATION = "reverse-flow";
    /** Invoices due within this many days are handed to GoCardless, which needs a few days' notice. */
    static final int DAYS_AHEAD = 7;

    private static final int PAGE_SIZE = 100;

    private final Flows flows;

    ReverseFlow(Flows flows) {
        this.flows = flows;
    }

    void run(ConnectorContext ctx) {
        if (!ConnectionSettings.of(ctx).reverseFlow() || ctx.quickBooks().pending(CORRELATION) > 0) {
            return;
        }
        QbQueue.send(ctx, firstPage(), Step.of(SCAN), CORRELATION);
        ctx.audit().record(CORRELATION, "reverse.scan", "queued", null, null,
                "Reading open QuickBooks invoices to collect with GoCardless");
    }

    private static InvoiceQueryRq firstPage() {
        return QbRequests.invoiceQuery(QbQueue.requestId("open-inv", CORRELATION))
                .unpaidOnly()
                .startIterator(PAGE_SIZE)
                .includeRetElements("TxnID", "CustomerRef", "RefNumber", "TxnDate", "DueDate", "BalanceRemaining")
                .build();
    }

    void onPage(QbAnswer answer, Step step, String correlation, ConnectorContext ctx) {
        if (!answer.succeeded()) {
            ctx.audit().record(CORRELATION, "reverse.scan-failed", "error", null, null, answer.problem());
            return;
        }
        InvoiceQueryRs page = answer.body(InvoiceQueryRs.class);
        if (ConnectionSettings.of(ctx).reverseFlow()) {
            for (InvoiceRet invoice : page.getInvoiceRet()) {
                try {
                    collect(invoice, ctx);
                } catch (CredentialsRejected e) {
                    // Every other invoice would be refused too: the connection needs a new token first.
                    throw e;
                } catch (RuntimeException e) {
                    // One invoice GoCardless refuses must not stop the others; the next scan tries again.
                    ctx.audit().record(CORRELATION, "reverse.payment-not-created", "error", invoice.getTxnID(), null,
                            e.getMessage());
                }
            }
        }
        if (answer.header().hasMore()) {
            QbIterators.next(firstPage(), page, QbQueue.requestId("open-inv", CORRELATION))
                    .ifPresent(next -> QbQueue.send(ctx, next, step, CORRELATION));
        }
    }

    private void collect(InvoiceRet invoice, ConnectorContext ctx) {
        String txnId = invoice.getTxnID();
        if (txnId == null || invoice.getCustomerRef() == null || invoice.getCustomerRef().getListID() == null
                || ctx.ids().target(LedgerKinds.INVOICE_COLLECTION, txnId).isPresent()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC);
        String dueText = invoice.getDueDate() != null ? invoice.getDueDate() : invoice.getTxnDate();
        LocalDate due = dueText == null ? today : LocalDate.parse(dueText.substring(0, 10));
        if (due.isAfter(today.plusDays(DAYS_AHEAD))) {
            return;
        }
        Optional<String> customer = ctx.ids().source(LedgerKinds.CUSTOMER, invoice.getCustomerRef().getListID());
        if (customer.isEmpty()) {
            return;
        }
        Optional<GoCardlessMandate> mandate = GoCardlessCalls.call(() -> flows.gc(ctx)
                .listMandatesOfCustomer(customer.get())).stream().filter(GoCardlessMandate::isActive).findFirst();
        if (mandate.isEmpty()) {
            return;
        }
        Optional<String> currency = ConnectionSettings.of(ctx).booksCurrency()
                .or(() -> SchemeCurrency.of(mandate.get().scheme()));
        if (currency.isEmpty() || invoice.getBalanceRemaining() == null) {
            return;
        }
        Money amount = QbAmounts.toMoney(invoice.getBalanceRemaining(), currency.get());
        if (amount.minorUnits() <= 0) {
            return;
        }
        LocalDate earliest = mandate.get().nextPossibleChargeDate();
        LocalDate chargeDate = earliest == null || !due.isBefore(earliest) ? due : null;
        if (chargeDate != null && chargeDate.isBefore(today)) {
            chargeDate = null;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(PaymentFlow.INVOICE_TXN_KEY, txnId);
        if (invoice.getRefNumber() != null) {
            metadata.put("qbd_invoice", invoice.getRefNumber());
        }
        GoCardlessNewPayment request = new GoCardlessNewPayment(amount, mandate.get().id(), chargeDate, null,
                "Invoice " + (invoice.getRefNumber() != null ? invoice.getRefNumber() : txnId), metadata);
        String key = "qbd-gocardless-" + ctx.connectionId() + "-" + txnId;
        GoCardlessPaymentCreation created = GoCardlessCalls.call(() -> flows.gc(ctx).createPayment(request, key));
        ctx.ids().put(LedgerKinds.INVOICE_COLLECTION, txnId, created.payment().id());
        ctx.audit().record(created.payment().id(), "reverse.payment-created", "ok", txnId, created.payment().id(),
                (created.alreadyExisted() ? "GoCardless already had payment " : "GoCardless payment ")
                        + created.payment().id() + " of " + amount + " collects QuickBooks invoice "
                        + invoice.getRefNumber() + (chargeDate != null ? " on " + chargeDate : ""));
    }

    /** The currency each Direct Debit scheme collects in. */
    static final class SchemeCurrency {

        private static final Map<String, String> BY_SCHEME = Map.of(
                "bacs", "GBP", "faster_payments", "GBP", "sepa_core", "EUR", "ach", "USD", "autogiro", "SEK",
                "becs", "AUD", "becs_nz", "NZD", "betalingsservice", "DKK", "pad", "CAD");

        private SchemeCurrency() {
        }

        static Optional<String> of(String scheme) {
            return Optional.ofNullable(scheme == null ? null : BY_SCHEME.get(scheme));
        }
    }
}
