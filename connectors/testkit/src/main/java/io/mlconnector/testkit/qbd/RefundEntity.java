package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.util.ArrayList;
import java.util.List;

/** An ARRefundCreditCard: money paid back to a customer out of a credit memo or unused payment. */
final class RefundEntity extends TxnEntity {
    String customerListId;
    String refundFromAccountListId;
    String arAccountListId;
    String paymentMethodListId;
    QbAddress address;
    List<Application> applications = new ArrayList<>();

    record Application(String creditTxnId, Money amount) {
    }

    Money total(String currency) {
        Money total = Money.ofMinor(0, currency);
        for (Application application : applications) {
            total = total.plus(application.amount());
        }
        return total;
    }

    @Override
    String txnType() {
        return "ARRefundCreditCard";
    }

    @Override
    String entityListId() {
        return customerListId;
    }

    @Override
    List<String> accountListIds() {
        return List.of(refundFromAccountListId, arAccountListId);
    }

    @Override
    RefundEntity copy() {
        RefundEntity r = copyCoreInto(new RefundEntity());
        r.customerListId = customerListId;
        r.refundFromAccountListId = refundFromAccountListId;
        r.arAccountListId = arAccountListId;
        r.paymentMethodListId = paymentMethodListId;
        r.address = address;
        r.applications = new ArrayList<>(applications);
        return r;
    }
}
