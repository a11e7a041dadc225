package io.mlconnector.testkit.qbd;

final class PaymentMethodEntity extends ListEntity {
    String paymentMethodType;

    @Override
    PaymentMethodEntity copy() {
        PaymentMethodEntity p = copyCoreInto(new PaymentMethodEntity());
        p.paymentMethodType = paymentMethodType;
        return p;
    }
}
