package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.freshbooks.FreshBooksApi;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.connector.GoCardlessClients;

/** The parts every flow shares: how to reach both systems for a connection. */
final class Flows {

    final FreshBooksAccess freshbooks = new FreshBooksAccess();
    final GoCardlessClients gocardless = new GoCardlessClients(Keys.GC_TOKEN, Keys.GC_ENVIRONMENT);

    GoCardlessApi gc(ConnectorContext ctx) {
        return gocardless.api(ctx);
    }

    /** FreshBooks for one call, with its accounting id. */
    Books books(ConnectorContext ctx) {
        FreshBooksApi api = freshbooks.api(ctx);
        return new Books(api, freshbooks.accountId(ctx, api));
    }

    /** The FreshBooks API and the connection's accounting id. */
    record Books(FreshBooksApi api, String accountId) {
    }
}
