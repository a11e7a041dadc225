package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.util.ArrayList;
import java.util.List;

/** A ReceivePayment and where its money went: invoices it pays and the deposit that banked it. */
final class PaymentEntity extends TxnEntity {
    String customerListId;
    String arAccountListId;
    Money totalAmount;
    String paymentMethodListId;
    String depositToAccountListId;
    List<Application> applications = new ArrayList<>();
    /** The Deposit that moved this payment out of Undeposited Funds, if any. */
    String depositTxnId;

    /** Part of the payment (and optionally credits) applied to one invoice. */
    static final class Application {
        String targetTxnId;
        Money amount;
        List<CreditUse> credits = new ArrayList<>();

        Application copy() {
            Application a = new Application();
            a.targetTxnId = targetTxnId;
            a.amount = amount;
            for (CreditUse credit : credits) {
                a.credits.add(new CreditUse(credit.creditTxnId(), credit.amount()));
            }
            return a;
        }
    }

    /** A credit memo applied to the invoice together with the payment (SetCredit). */
    record CreditUse(String creditTxnId, Money amount) {
    }

    @Override
    String txnType() {
        return "ReceivePayment";
    }

    @Override
    String entityListId() {
        return customerListId;
    }

    @Override
    List<String> accountListIds() {
        return List.of(arAccountListId, depositToAccountListId);
    }

    @Override
    PaymentEntity copy() {
        PaymentEntity p = copyCoreInto(new PaymentEntity());
        p.customerListId = customerListId;
        p.arAccountListId = arAccountListId;
        p.totalAmount = totalAmount;
        p.paymentMethodListId = paymentMethodListId;
        p.depositToAccountListId = depositToAccountListId;
        for (Application application : applications) {
            p.applications.add(application.copy());
        }
        p.depositTxnId = depositTxnId;
        return p;
    }
}
