package io.mlconnector.testkit.qbd;

import java.util.ArrayList;
import java.util.List;

final class InvoiceEntity extends SalesTxnEntity {
    /** Credit memos applied to this invoice when it was entered (SetCredit on InvoiceAdd/Mod). */
    List<PaymentEntity.CreditUse> credits = new ArrayList<>();

    @Override
    String txnType() {
        return "Invoice";
    }

    @Override
    InvoiceEntity copy() {
        InvoiceEntity copy = copySalesInto(new InvoiceEntity());
        copy.credits = new ArrayList<>(credits);
        return copy;
    }
}
