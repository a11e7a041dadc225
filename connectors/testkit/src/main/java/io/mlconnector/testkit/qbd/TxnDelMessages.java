package io.mlconnector.testkit.qbd;

import java.util.Map;
import org.w3c.dom.Element;

/**
 * TxnDel. Deleting an invoice leaves its payments as unused credit; deleting a payment reopens the
 * invoices it paid and takes it out of its deposit; deleting a deposit puts its payments back in
 * Undeposited Funds. A payment or credit memo that was refunded cannot be deleted.
 */
final class TxnDelMessages {

    private TxnDelMessages() {
    }

    static void register(Map<String, MessageHandler> handlers) {
        handlers.put("TxnDelRq", TxnDelMessages::delete);
    }

    private static void delete(Element rq, MessageContext ctx, QbResponse response) {
        String type = Xml.text(rq, "TxnDelType");
        String txnId = Xml.text(rq, "TxnID");
        CompanyData data = ctx.data;
        TxnEntity txn = data.anyTxn(txnId);
        if (txn == null || !txn.txnType().equals(type)) {
            throw QbStatusException.notFound(txnId);
        }
        switch (type) {
            case "Invoice" -> {
                for (PaymentEntity payment : data.payments.values()) {
                    if (payment.applications.removeIf(a -> a.targetTxnId.equals(txnId))) {
                        data.touch(payment);
                    }
                }
                data.invoices.remove(txnId);
            }
            case "ReceivePayment" -> {
                PaymentEntity payment = (PaymentEntity) txn;
                refuseIfRefunded(txnId, type, ctx);
                for (PaymentEntity.Application application : payment.applications) {
                    touch(application.targetTxnId, ctx);
                }
                if (payment.depositTxnId != null) {
                    DepositEntity deposit = data.deposits.get(payment.depositTxnId);
                    if (deposit != null) {
                        deposit.lines.removeIf(line -> txnId.equals(line.paymentTxnId));
                        data.touch(deposit);
                    }
                }
                data.payments.remove(txnId);
            }
            case "CreditMemo" -> {
                refuseIfRefunded(txnId, type, ctx);
                for (PaymentEntity payment : data.payments.values()) {
                    for (PaymentEntity.Application application : payment.applications) {
                        application.credits.removeIf(c -> c.creditTxnId().equals(txnId));
                    }
                }
                for (InvoiceEntity invoice : data.invoices.values()) {
                    invoice.credits.removeIf(c -> c.creditTxnId().equals(txnId));
                }
                data.creditMemos.remove(txnId);
            }
            case "Deposit" -> {
                for (PaymentEntity payment : data.payments.values()) {
                    if (txnId.equals(payment.depositTxnId)) {
                        payment.depositTxnId = null;
                        data.touch(payment);
                    }
                }
                data.deposits.remove(txnId);
            }
            case "ARRefundCreditCard" -> data.refunds.remove(txnId);
            case "Check" -> data.checks.remove(txnId);
            default -> throw QbStatusException.notFound(txnId);
        }
        // TxnDelRs carries its fields directly, without a Ret wrapper.
        RetWriter w = new RetWriter(response.document, response.rs);
        w.leaf("TxnDelType", type)
                .leaf("TxnID", txnId)
                .leaf("TimeDeleted", QbValues.dateTime(data.now(), data.zone()))
                .leaf("RefNumber", txn.refNumber);
    }

    private static void refuseIfRefunded(String txnId, String type, MessageContext ctx) {
        for (RefundEntity refund : ctx.data.refunds.values()) {
            for (RefundEntity.Application application : refund.applications) {
                if (application.creditTxnId().equals(txnId)) {
                    throw QbStatusException.cannotSave(type, "It has been refunded by " + refund.txnId + ".");
                }
            }
        }
    }

    private static void touch(String txnId, MessageContext ctx) {
        TxnEntity txn = ctx.data.anyTxn(txnId);
        if (txn != null) {
            ctx.data.touch(txn);
        }
    }
}
