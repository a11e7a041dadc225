package io.mlconnector.platform.testing;

import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.oauth.AccessToken;
import io.mlconnector.api.oauth.Connected;
import io.mlconnector.api.oauth.OAuthCredential;
import io.mlconnector.api.oauth.RevokeStyle;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.api.spec.WebhookSource;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.testkit.oauth.FakeOAuthServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test connector with Test Books reached by OAuth 2.0 (authorization code, PKCE, a revoke
 * endpoint and a {@code realmId} on the callback). Its endpoints are at {@code auth.test-books.invalid};
 * tests point them at a {@link FakeOAuthServer} with {@code ml.oauth.test-books-auth.endpoint-origin}.
 * The event type {@code books} posts to Test Books with a bearer token, as a real connector would:
 * on a refused token it asks once for a renewed one.
 */
public class OAuthTestConnector extends TestConnector {

    public static final String ID = "oauth-test-pair";
    public static final String PROVIDER = "test-books-auth";
    public static final String SYSTEM = "test-books";
    public static final String ORIGIN = "https://auth.test-books.invalid";

    /** Test Books' API accepts the tokens this server issued. */
    public static volatile FakeOAuthServer auth;

    @Override
    public ConnectorSpec spec() {
        OAuthCredential books = OAuthCredential.authorizationCode(PROVIDER, ORIGIN + "/oauth2/authorize", ORIGIN + "/oauth2/token")
                .scopes("books.write", "books.read")
                .withPkce()
                .revokeUrl(ORIGIN + "/oauth2/revoke", RevokeStyle.FORM)
                .keeping("realmId");
        return new ConnectorSpec(ID, "1.0.0", "Test Books (OAuth) ↔ Test Pay", "Moves test payments into OAuth test books.",
                List.of(SystemSpec.of("test-pay", "Test Pay",
                                CredentialField.secret(SECRET_FIELD, "Webhook signing secret", "From Test Pay's webhook page")),
                        SystemSpec.oauth(SYSTEM, "Test Books", books)),
                List.of(),
                List.of(new WebhookSource("test-pay", "Test Pay", SECRET_FIELD, "Paste the URL under Developers → Webhooks")),
                List.of());
    }

    @Override
    public void handle(InboundEvent event, ConnectorContext context) {
        if (!event.type().equals("books")) {
            super.handle(event, context);
            return;
        }
        HANDLED.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        context.syncRecords().open("payment", event.objectId(), "Test payment " + event.objectId());
        AccessToken token = context.oauth().current(SYSTEM);
        if (!auth.accepts(token.authorization())) {
            token = context.oauth().renewed(SYSTEM, token);
            if (!auth.accepts(token.authorization())) {
                throw new CredentialsRejected(SYSTEM, "Test Books refused the connection's token");
            }
        }
        String target = token.requireValue("realmId") + "/" + event.objectId();
        if (context.ids().put("payment", event.objectId(), target)) {
            POSTED.computeIfAbsent(event.objectId(), id -> new AtomicInteger()).incrementAndGet();
        }
        context.syncRecords().done("payment", event.objectId(), target);
    }

    @Override
    public Connected onConnected(String system, ConnectorContext context) {
        AccessToken token = context.oauth().current(system);
        return Connected.as("Test Books company " + token.requireValue("realmId")).with("books_user", "owner@books.example");
    }
}
