package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.RqBase;
import io.mlconnector.systems.qbd.xml.TxnDelRq;
import io.mlconnector.systems.qbd.xml.TxnDelType;

/**
 * Entry point for building the requests plugins send most. Each builder returns the typed
 * request; {@link QbXml#toFragment} turns it into the XML the platform queues.
 *
 * <pre>{@code
 * ReceivePaymentAddRq rq = QbRequests.receivePayment("pay-PM123")
 *         .customerListId(customerListId)
 *         .txnDate(chargeDate)
 *         .externalId("PM123")
 *         .totalAmount(Money.ofMinor(1250, "GBP"))
 *         .paymentMethod("GoCardless")
 *         .depositToAccount(QbRefs.fullName("GoCardless Clearing"))
 *         .applyTo(invoiceTxnId, Money.ofMinor(1250, "GBP"))
 *         .build();
 * String xml = QbXml.toFragment(rq);
 * }</pre>
 *
 * <p>Every request carries the {@code requestID} the plugin chose: the platform routes the
 * response back by it, so it must be unique among the connection's pending requests (50
 * characters at most).
 */
public final class QbRequests {

    private QbRequests() {
    }

    public static ReceivePaymentAddBuilder receivePayment(String requestId) {
        return new ReceivePaymentAddBuilder(requestId);
    }

    public static CustomerQueryBuilder customerQuery(String requestId) {
        return new CustomerQueryBuilder(requestId);
    }

    public static CustomerAddBuilder customerAdd(String requestId) {
        return new CustomerAddBuilder(requestId);
    }

    public static CustomerModBuilder customerMod(String requestId, String listId, String editSequence) {
        return new CustomerModBuilder(requestId, listId, editSequence);
    }

    public static InvoiceQueryBuilder invoiceQuery(String requestId) {
        return new InvoiceQueryBuilder(requestId);
    }

    public static DepositAddBuilder deposit(String requestId) {
        return new DepositAddBuilder(requestId);
    }

    public static RefundBuilder refund(String requestId) {
        return new RefundBuilder(requestId);
    }

    /** Deletes a transaction, e.g. a received payment whose direct debit later failed. */
    public static TxnDelRq txnDel(String requestId, TxnDelType type, String txnId) {
        TxnDelRq rq = new TxnDelRq();
        rq.setRequestID(requestId(requestId));
        rq.setTxnDelType(java.util.Objects.requireNonNull(type, "type"));
        String id = QbText.clean(txnId);
        if (id == null) {
            throw new IllegalArgumentException("TxnID is required");
        }
        rq.setTxnID(id);
        return rq;
    }

    /** Sets the requestID on any request, checking QuickBooks' limit. */
    public static <T extends RqBase> T withRequestId(T request, String requestId) {
        request.setRequestID(requestId(requestId));
        return request;
    }

    static String requestId(String requestId) {
        String id = QbText.clean(requestId);
        if (id == null) {
            throw new IllegalArgumentException("A requestID is required: the platform routes responses by it");
        }
        return QbText.fit("requestID", id, QbLimits.REQUEST_ID, QbText.Overflow.REFUSE);
    }
}
