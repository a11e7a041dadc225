package io.mlconnector.testkit.qbd;

final class CreditMemoEntity extends SalesTxnEntity {

    @Override
    String txnType() {
        return "CreditMemo";
    }

    @Override
    CreditMemoEntity copy() {
        return copySalesInto(new CreditMemoEntity());
    }
}
