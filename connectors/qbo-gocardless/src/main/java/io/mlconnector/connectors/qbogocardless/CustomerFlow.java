package io.mlconnector.connectors.qbogocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessCustomerCreation;
import io.mlconnector.systems.gocardless.GoCardlessCustomerDetails;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import io.mlconnector.systems.qbo.QboCustomer;
import java.util.Map;
import java.util.Optional;

/**
 * A QuickBooks Online customer becomes (or updates) one GoCardless customer, with the QuickBooks id
 * in metadata and the link in the ledger. The create carries an idempotency key made from the
 * company and customer ids, so a retry after a lost answer finds the first one instead of a second.
 */
final class CustomerFlow {

    static final String METADATA_KEY = "quickbooks_online_id";

    /** The GoCardless customer of this QuickBooks customer, created if there is none yet. */
    String sync(QboCustomer customer, String realmId, GoCardlessApi gc, ConnectorContext ctx) {
        GoCardlessCustomerDetails details = new GoCardlessCustomerDetails(customer.email(), customer.givenName(),
                customer.familyName(), companyName(customer), Map.of(METADATA_KEY, customer.id()));
        Optional<String> linked = ctx.ids().target(Ledger.CUSTOMER, customer.id());
        if (linked.isPresent()) {
            GoCardlessCalls.call(() -> gc.updateCustomer(linked.get(), details));
            ctx.audit().record("qbo-customer-" + customer.id(), "customer.updated", "ok", customer.id(), linked.get(), null);
            return linked.get();
        }
        GoCardlessCustomerCreation created = GoCardlessCalls.call(
                () -> gc.createCustomer(details, "qbo-customer-" + realmId + "-" + customer.id()));
        String gcId = created.customer().id();
        ctx.ids().put(Ledger.CUSTOMER, customer.id(), gcId);
        ctx.audit().record("qbo-customer-" + customer.id(), "customer.created", "ok", customer.id(), gcId,
                created.alreadyExisted() ? "already created by an earlier attempt" : null);
        return gcId;
    }

    private static String companyName(QboCustomer c) {
        if (c.companyName() != null && !c.companyName().isBlank()) {
            return c.companyName();
        }
        // GoCardless needs a company name or both given and family names.
        return c.givenName() != null && c.familyName() != null ? null : c.displayName();
    }
}
