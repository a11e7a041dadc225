package io.mlconnector.connectors.qbdzuora;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.qbd.customers.CustomerPickList;
import io.mlconnector.systems.qbd.posting.QbPosting;
import io.mlconnector.systems.zuora.ZuoraAccount;
import io.mlconnector.systems.zuora.ZuoraApi;

import java.util.Optional;

/**
 * Which QuickBooks customer a Zuora account is: the ledger (accounts we created from a customer, or a
 * person's answer), else the account's CRM id when it is a ListID of ours. When neither says, the
 * record waits for a person to pick the customer from the kit's list, and replays with the answer.
 */
final class AccountCustomers {

    private AccountCustomers() {
    }

    static Optional<String> customerOf(String accountId, ZuoraApi zuora, ConnectorContext ctx) {
        Optional<String> known = ctx.ids().target(Keys.ACCOUNT_CUSTOMER, accountId);
        if (known.isPresent()) {
            return known;
        }
        Optional<String> crm = zuora.account(accountId).map(ZuoraAccount::crmId).filter(id -> !id.isBlank());
        crm.ifPresent(listId -> ctx.ids().put(Keys.ACCOUNT_CUSTOMER, accountId, listId));
        return crm;
    }

    /** Holds the record until a person says which QuickBooks customer the account is. */
    static void ask(QbPosting<?> posting, String objectId, String accountId, String what, ConnectorContext ctx) {
        posting.hold(ctx, objectId, null, "Which QuickBooks customer is Zuora account " + accountId + "? Pick it, and "
                + what + " is recorded for that customer.", CustomerPickList.question(Keys.ACCOUNT_CUSTOMER, accountId));
    }
}
