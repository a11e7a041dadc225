package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.connector.GoCardlessClients;
import io.mlconnector.systems.qbd.customers.CustomerPoll;
import io.mlconnector.systems.qbd.customers.CustomerScan;
import io.mlconnector.systems.qbd.lists.SettingListsRead;

/**
 * The connector's flows, wired to each other: a posted payment resumes the refunds and the payout
 * waiting for it; a matched customer resumes its payment. The flows keep no state; everything
 * durable lives in the context.
 */
final class Flows {

    final GoCardlessClients clients = new GoCardlessClients(Keys.ACCESS_TOKEN, Keys.ENVIRONMENT);
    final PaymentFlow payments = new PaymentFlow(this);
    final CustomerScan customers = new CustomerScan(new CustomerScan.Ledger("GoCardless customer",
            LedgerKinds.CUSTOMER, LedgerKinds.PAYMENT_AWAITING_CUSTOMER), new Payers(this));
    final CustomerPoll customerList = new CustomerPoll();
    final SettingListsRead settingLists = new SettingListsRead();
    final RefundFlow refunds = new RefundFlow(this);
    final PayoutFlow payouts = new PayoutFlow(this);
    final MandateFlow mandates = new MandateFlow(this);
    final ReverseFlow reverse = new ReverseFlow(this);

    GoCardlessApi gc(ConnectorContext context) {
        return clients.api(context);
    }
}
