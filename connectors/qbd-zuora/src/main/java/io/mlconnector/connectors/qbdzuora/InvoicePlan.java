package io.mlconnector.connectors.qbdzuora;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.qbd.QbDates;
import io.mlconnector.systems.qbd.QbLimits;
import io.mlconnector.systems.qbd.QbRefs;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.QbText;
import io.mlconnector.systems.qbd.posting.QbPosting;
import io.mlconnector.systems.qbd.posting.TxnType;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.xml.InvoiceAdd;
import io.mlconnector.systems.qbd.xml.InvoiceAddRq;
import io.mlconnector.systems.qbd.xml.InvoiceRet;
import io.mlconnector.systems.qbd.xml.RqBase;
import io.mlconnector.systems.zuora.ZuoraApi;
import io.mlconnector.systems.zuora.ZuoraInvoice;
import io.mlconnector.systems.zuora.ZuoraInvoiceItem;
import io.mlconnector.systems.zuora.connector.ZuoraClients;

import java.time.LocalDate;

/**
 * A posted Zuora invoice as a QuickBooks InvoiceAdd for the account's customer: RefNumber = the
 * Zuora invoice number, looked for by RefNumber before adding (ours when the memo names the Zuora
 * invoice id: a person's own invoice may share the number), so it is never there twice.
 */
final class InvoicePlan extends QbPosting.Plan<InvoiceRet> {

    InvoicePlan() {
        super(TxnType.INVOICE, QbPosting.Steps.of("invoice"), "invoice", Keys.RECORD_INVOICE, Keys.INVOICE);
    }

    @Override
    public String describe(String objectId) {
        return "Zuora invoice " + objectId;
    }

    @Override
    public RqBase search(String objectId, Step step, ConnectorContext ctx) {
        return type().byRefNumber(QbQueue.requestId("inv-find", objectId), refNumber(step.require("num")));
    }


    @Override
    public RqBase add(String objectId, Step step, ConnectorContext ctx) {
        // Read again: the lines are too long to travel in the step, and Zuora may have changed it since.
        ZuoraApi zuora = ZuoraClients.api(ctx);
        ZuoraInvoice invoice = zuora.invoice(objectId).orElseThrow(() ->
                new io.mlconnector.api.CannotProcess("Zuora no longer has invoice " + objectId));
        InvoiceAdd add = new InvoiceAdd();
        add.setCustomerRef(QbRefs.listId(step.require("cust")));
        add.setTxnDate(QbDates.date(invoice.invoiceDate() == null ? LocalDate.now(ctx.clock()) : invoice.invoiceDate()));
        add.setRefNumber(refNumber(invoice.invoiceNumber()));
        if (invoice.dueDate() != null) {
            add.setDueDate(QbDates.date(invoice.dueDate()));
        }
        add.setMemo(QbText.memoWithId("Zuora invoice " + invoice.invoiceNumber(), objectId));
        for (ZuoraInvoiceItem item : invoice.items()) {
            add.getInvoiceLineAdd().add(InvoiceLines.line(item, ctx));
        }
        InvoiceAddRq rq = new InvoiceAddRq();
        rq.setInvoiceAdd(add);
        rq.getIncludeRetElement().addAll(java.util.List.of("TxnID", "RefNumber", "Memo"));
        return QbRequests.withRequestId(rq, QbQueue.requestId("inv-add", objectId));
    }

    @Override
    public void posted(String objectId, String txnId, Step step, boolean found, ConnectorContext ctx) {
        ctx.syncRecords().done(Keys.RECORD_INVOICE, objectId, txnId);
    }

    @Override
    public String refused(String problem, Step step, ConnectorContext ctx) {
        return "QuickBooks refused Zuora invoice " + step.get("num") + " (" + problem + "). Check that the items "
                + "in the settings exist in QuickBooks, then replay it.";
    }

    @Override
    public String postedDetail(Step step) {
        return ", invoice " + step.get("num");
    }

    static String refNumber(String invoiceNumber) {
        return QbText.reference(invoiceNumber, QbLimits.TXN_REF_NUMBER);
    }
}
