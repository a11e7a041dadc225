package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.qbd.customers.CustomerPoll;
import io.mlconnector.systems.qbd.customers.CustomerScan;
import io.mlconnector.systems.qbd.lists.SettingListsRead;
import io.mlconnector.systems.qbd.queue.AnswerRouter;

/** Which flow continues with the answer to each step this connector queues. */
final class ResponseRouter {

    private ResponseRouter() {
    }

    static AnswerRouter of(Flows flows) {
        return new AnswerRouter()
                .on(CustomerScan.SCAN, flows.customers::onPage)
                .on(CustomerPoll.PAGE, flows.customerList::onPage)
                .on(SettingListsRead.ACCOUNTS, flows.settingLists::onAnswer)
                .on(SettingListsRead.PAYMENT_METHODS, flows.settingLists::onAnswer)
                .on(SettingListsRead.ITEMS, flows.settingLists::onAnswer)
                .on(PaymentFlow.INVOICE, flows.payments::onInvoices)
                .on(PaymentFlow.SEARCH, flows.payments::onSearch)
                .on(PaymentFlow.ADD, flows.payments::onAdd)
                .on(PaymentFlow.REVERSE, flows.payments::onReverse)
                .on(PaymentFlow.VERIFY, flows.payments::onVerify)
                .on(PaymentFlow.REMOVE_DUPLICATE, flows.payments::onRemoveDuplicate)
                .on(RefundFlow.CREDIT_SEARCH, flows.refunds::onCreditSearch)
                .on(RefundFlow.CREDIT_ADD, flows.refunds::onCreditAdd)
                .on(RefundFlow.REFUND_SEARCH, flows.refunds::onRefundSearch)
                .on(RefundFlow.REFUND_ADD, flows.refunds::onRefundAdd)
                .on(RefundFlow.REVERSE_REFUND, flows.refunds::onReverse)
                .on(RefundFlow.REVERSE_CREDIT, flows.refunds::onReverse)
                .on(RefundFlow.CREDIT_VERIFY, flows.refunds::onCreditVerify)
                .on(RefundFlow.REMOVE_DUPLICATE_CREDIT, flows.refunds::onRemoveDuplicateCredit)
                .on(PayoutFlow.SEARCH, flows.payouts::onSearch)
                .on(PayoutFlow.ADD, flows.payouts::onAdd)
                .on(ReverseFlow.SCAN, flows.reverse::onPage);
    }
}
