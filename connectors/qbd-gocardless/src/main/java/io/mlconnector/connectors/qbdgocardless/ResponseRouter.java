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
        AnswerRouter router = new AnswerRouter()
                .on(CustomerScan.SCAN, flows.customers::onPage)
                .on(CustomerPoll.PAGE, flows.customerList::onPage)
                .on(SettingListsRead.ACCOUNTS, flows.settingLists::onAnswer)
                .on(SettingListsRead.PAYMENT_METHODS, flows.settingLists::onAnswer)
                .on(SettingListsRead.ITEMS, flows.settingLists::onAnswer)
                .on(PaymentFlow.INVOICE, flows.payments::onInvoices)
                .on(ReverseFlow.SCAN, flows.reverse::onPage);
        flows.payments.posting.routes(router);
        flows.refunds.credits.routes(router);
        flows.refunds.refunds.routes(router);
        flows.payouts.posting.routes(router);
        return router;
    }
}
