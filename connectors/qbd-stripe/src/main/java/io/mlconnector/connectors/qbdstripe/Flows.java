package io.mlconnector.connectors.qbdstripe;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.qbd.customers.CustomerPoll;
import io.mlconnector.systems.qbd.customers.CustomerScan;
import io.mlconnector.systems.qbd.lists.SettingListsRead;
import io.mlconnector.systems.qbd.queue.AnswerRouter;
import io.mlconnector.systems.stripe.StripeApi;
import io.mlconnector.systems.stripe.connector.StripeClients;

/**
 * The connector's flows, wired to each other: a posted payment resumes the refunds and the payout
 * waiting for it; a matched customer resumes its payments. The flows keep no state; everything
 * durable lives in the context.
 */
final class Flows {

    final StripeClients clients = new StripeClients(Keys.API_KEY);
    final PaymentFlow payments = new PaymentFlow(this);
    final CustomerScan customers = new CustomerScan(new CustomerScan.Ledger("Stripe customer",
            LedgerKinds.CUSTOMER, LedgerKinds.PAYMENT_AWAITING_CUSTOMER), new Payers(this));
    final CustomerPoll customerList = new CustomerPoll();
    final SettingListsRead settingLists = new SettingListsRead();
    final RefundFlow refunds = new RefundFlow(this);
    final DisputeFlow disputes = new DisputeFlow(this);
    final PayoutFlow payouts = new PayoutFlow(this);

    StripeApi stripe(ConnectorContext context) {
        return clients.api(context);
    }

    /** Which flow continues with the answer to each step this connector queues. */
    AnswerRouter router() {
        AnswerRouter router = new AnswerRouter()
                .on(CustomerScan.SCAN, customers::onPage)
                .on(CustomerPoll.PAGE, customerList::onPage)
                .on(SettingListsRead.ACCOUNTS, settingLists::onAnswer)
                .on(SettingListsRead.PAYMENT_METHODS, settingLists::onAnswer)
                .on(SettingListsRead.ITEMS, settingLists::onAnswer)
                .on(PaymentFlow.INVOICE, payments::onInvoices);
        payments.posting.routes(router);
        refunds.credits.routes(router);
        refunds.refunds.routes(router);
        payouts.posting.routes(router);
        return router;
    }
}
