package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.oauth.AccessToken;
import io.mlconnector.systems.freshbooks.FreshBooksApi;
import io.mlconnector.systems.freshbooks.FreshBooksBusiness;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.systems.freshbooks.http.AccessTokens;
import io.mlconnector.systems.freshbooks.http.Backoff;
import io.mlconnector.systems.freshbooks.http.FreshBooksHttp;
import io.mlconnector.systems.freshbooks.http.HttpSender;
import java.net.URI;

/**
 * FreshBooks for one call on one connection: its current OAuth token from the platform (renewed there
 * once on a 401), the API address (a test's override, else FreshBooks'), and the account and user ids
 * kept with the grant when it was connected.
 */
final class FreshBooksAccess {

    private static final HttpSender SENDER = HttpSender.standard();

    /** The API with this connection's tokens; one instance per call, so its call count is per call. */
    FreshBooksApi api(ConnectorContext ctx) {
        AccessTokens tokens = new AccessTokens() {
            private AccessToken last;

            @Override
            public String current() {
                last = ctx.oauth().current(Keys.FRESHBOOKS);
                return last.value();
            }

            @Override
            public String renewed(String rejected) {
                AccessToken was = last != null ? last : ctx.oauth().current(Keys.FRESHBOOKS);
                last = ctx.oauth().renewed(Keys.FRESHBOOKS, was);
                return last.value();
            }
        };
        String base = ctx.baseUrlOverride(Keys.FRESHBOOKS).orElse(FreshBooksApi.PRODUCTION.toString());
        return new FreshBooksApi(new FreshBooksHttp(URI.create(base), tokens, SENDER, Backoff.standard()));
    }

    /** The accounting id: kept with the grant, else read from FreshBooks' identity endpoint. */
    String accountId(ConnectorContext ctx, FreshBooksApi api) {
        return ctx.oauth().current(Keys.FRESHBOOKS).value(Keys.ACCOUNT_ID).orElseGet(() -> business(api).accountId());
    }

    /** The connected user's id, e.g. the staff id on expenses. */
    String userId(ConnectorContext ctx, FreshBooksApi api) {
        return ctx.oauth().current(Keys.FRESHBOOKS).value(Keys.USER_ID).orElseGet(() -> api.identity().userId());
    }

    FreshBooksBusiness business(FreshBooksApi api) {
        return api.identity().firstWithAccounting().orElseThrow(() -> new CredentialsRejected(Keys.FRESHBOOKS,
                "The FreshBooks user connected belongs to no business with accounting; connect with the business owner's login"));
    }
}
