package io.mlconnector.connectors.qbdzuora;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.money.Money;
import io.mlconnector.systems.qbd.QbRefs;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.ReceivePaymentAddBuilder;
import io.mlconnector.systems.qbd.posting.QbPosting;
import io.mlconnector.systems.qbd.posting.TxnType;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.xml.ReceivePaymentRet;
import io.mlconnector.systems.qbd.xml.RqBase;

import java.time.LocalDate;

/**
 * A Zuora payment as a QuickBooks ReceivePaymentAdd applied to the QuickBooks invoices of the Zuora
 * invoices it paid, with the payment number as RefNumber and its id in the memo. The step carries
 * the decisions: customer, amount, date, and per invoice "TxnID:minor units".
 */
final class PaymentPlan extends QbPosting.Plan<ReceivePaymentRet> {

    PaymentPlan() {
        super(TxnType.RECEIVE_PAYMENT, QbPosting.Steps.of("payment"), "payment", Keys.RECORD_PAYMENT, Keys.PAYMENT);
    }

    @Override
    public String describe(String objectId) {
        return "Zuora payment " + objectId;
    }

    @Override
    public RqBase search(String objectId, Step step, ConnectorContext ctx) {
        return type().byRefNumber(QbQueue.requestId("pay-find", objectId), step.require("num"));
    }

    @Override
    public RqBase add(String objectId, Step step, ConnectorContext ctx) {
        String currency = step.require("cur");
        ReceivePaymentAddBuilder add = QbRequests.receivePayment(QbQueue.requestId("pay-add", objectId))
                .customerListId(step.require("cust"))
                .txnDate(LocalDate.parse(step.require("date")))
                .refNumber(step.require("num"))
                .totalAmount(Money.ofMinor(step.number("amt"), currency))
                .memo("Zuora payment " + step.require("num") + " (" + objectId + ")")
                .includeRetElements("TxnID", "RefNumber", "Memo");
        ctx.settings().get(Keys.DEPOSIT_ACCOUNT).filter(s -> !s.isBlank()).map(QbRefs::fullName).ifPresent(add::depositToAccount);
        ctx.settings().get(Keys.PAYMENT_METHOD).filter(s -> !s.isBlank()).ifPresent(add::paymentMethod);
        for (String applied : step.require("to").split(",")) {
            String[] parts = applied.split(":");
            add.applyTo(parts[0], Money.ofMinor(Long.parseLong(parts[1]), currency));
        }
        return add.build();
    }


    @Override
    public void posted(String objectId, String txnId, Step step, boolean found, ConnectorContext ctx) {
        ctx.syncRecords().done(Keys.RECORD_PAYMENT, objectId, txnId);
    }

    @Override
    public String refused(String problem, Step step, ConnectorContext ctx) {
        return "QuickBooks refused Zuora payment " + step.get("num") + " (" + problem + "). Check the deposit account "
                + "and payment method in the settings and that its invoices are open, then replay it.";
    }

    @Override
    public String postedDetail(Step step) {
        return ", payment " + step.get("num");
    }
}
