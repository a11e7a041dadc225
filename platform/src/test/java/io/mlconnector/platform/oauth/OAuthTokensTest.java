package io.mlconnector.platform.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.oauth.AccessToken;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.audit.AuditQuery;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionService;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.OAuthTestConnector;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.platform.testing.TestConnector;
import io.mlconnector.platform.vault.CredentialVault;
import io.mlconnector.testkit.oauth.FakeOAuthServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The platform keeps a connection's OAuth tokens current against a faithful authorization server:
 * connecting stores tokens and kept values, a refresh happens once however many instances ask, a
 * refused refresh marks "needs reconnect" and the work waits for the reconnect, and an unreachable
 * provider is retried while a still-valid token is used.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthTokensTest implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final FakeOAuthServer auth = FakeOAuthServer.start();

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;
    @Inject
    OAuthConnect connect;
    @Inject
    TokenService tokens;
    @Inject
    ConnectionService connections;
    @Inject
    CredentialVault vault;
    @Inject
    TenantTransactions transactions;
    @Inject
    Sql sql;
    @Inject
    AuditLog audit;
    @Inject
    KeepAlive keepAlive;

    OAuthFlows flows;
    Api api;

    @Override
    public Map<String, String> getProperties() {
        return properties(auth);
    }

    static Map<String, String> properties(FakeOAuthServer auth) {
        return Map.of("ml.oauth." + OAuthTestConnector.PROVIDER + ".client-id", "books-app",
                "ml.oauth." + OAuthTestConnector.PROVIDER + ".client-secret", "books-app-secret",
                "ml.oauth." + OAuthTestConnector.PROVIDER + ".endpoint-origin", auth.baseUrl());
    }

    @BeforeEach
    void setUp() {
        auth.registerClient("books-app", "books-app-secret");
        auth.returnOnRedirect("realmId", "9130350");
        auth.lifetimes(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofDays(100));
        OAuthTestConnector.auth = auth;
        if (plugins.connector(OAuthTestConnector.ID).isEmpty()) {
            plugins.register(new OAuthTestConnector());
        }
        api = new Api(server.getURL().toString());
        flows = new OAuthFlows(api, connect, auth);
    }

    @AfterAll
    void stopTheFake() {
        auth.close();
    }

    @Test
    void connectingStoresTheGrantAndWhatCameWithItAndTheCompanyName() {
        OAuthFlows.Books books = flows.connection("Connect Co");
        int codes = auth.exchanges("authorization_code");
        int refreshes = auth.exchanges("refresh_token");
        Map<String, String> query = flows.consent(books);
        assertEquals("S256", auth.lastAuthorizeRequest().get("code_challenge_method"));
        assertEquals("books.write books.read", auth.lastAuthorizeRequest().get("scope"));
        assertEquals(server.getURL() + "/oauth/callback", auth.lastAuthorizeRequest().get("redirect_uri"), "the one callback");

        OAuthConnect.Result result = connect.callback(query, books.owner().tenantId(), books.owner().ownerId());

        assertEquals(OAuthOutcome.CONNECTED, result.outcome());
        OAuthConnect.SystemState state = connect.states(books.owner().tenantId(), books.connectionId()).get(0);
        assertTrue(state.connected());
        assertEquals("Test Books company 9130350", state.companyName());
        assertFalse(state.asksForApp(), "the operator's app is configured");
        AccessToken token = tokens.current(connection(books), system());
        assertTrue(auth.accepts(token.authorization()));
        assertEquals("9130350", token.requireValue("realmId"));
        assertEquals("owner@books.example", token.requireValue("books_user"), "values the connector found are kept too");
        assertEquals(codes + 1, auth.exchanges("authorization_code"));
        assertEquals(refreshes, auth.exchanges("refresh_token"), "a fresh token is not refreshed");
    }

    @Test
    void theConnectorSeesNoTokensAmongItsCredentials() {
        OAuthFlows.Books books = flows.connection("Hidden Co");
        flows.connect(books);
        Map<String, String> stored = vault.read(books.owner().tenantId(), books.connectionId());
        assertTrue(stored.keySet().stream().anyMatch(k -> k.startsWith("oauth:")), "the grant is in the vault");
        JsonNode view = Tenants.read(api.get("/api/connections/" + books.connectionId(), books.owner().auth()).body());
        assertFalse(view.toString().contains(tokens.current(connection(books), system()).value()), "the API never shows a token");
    }

    @Test
    void everyFailedCallbackStoresNothing() {
        OAuthFlows.Books books = flows.connection("Failing Co");
        var owner = books.owner();

        Map<String, String> denied = flows.consent(books);
        denied.remove("code");
        denied.put("error", "access_denied");
        assertEquals(OAuthOutcome.DENIED, connect.callback(denied, owner.tenantId(), owner.ownerId()).outcome());

        Map<String, String> good = flows.consent(books);
        Map<String, String> forged = Map.of("state", "not-a-state-we-issued", "code", good.get("code"));
        assertEquals(OAuthOutcome.STATE_UNKNOWN, connect.callback(forged, owner.tenantId(), owner.ownerId()).outcome());

        Tenants.SignedUp stranger = new Tenants(api).signUp("Stranger Co");
        assertEquals(OAuthOutcome.STATE_OTHER, connect.callback(good, stranger.tenantId(), stranger.ownerId()).outcome());

        Map<String, String> late = flows.consent(books);
        transactions.system(() -> sql.update("UPDATE oauth_states SET expires_at = now() - interval '1 minute' WHERE state_hash = ?",
                OAuthStates.hash(late.get("state"))));
        OAuthConnect.Result expired = connect.callback(late, owner.tenantId(), owner.ownerId());
        assertEquals(OAuthOutcome.STATE_EXPIRED, expired.outcome());
        assertEquals(books.connectionId(), expired.connectionId(), "an expired state still ends on its connection's page");

        auth.failNextTokenRequests(1, 503);
        assertEquals(OAuthOutcome.UNREACHABLE, flows.connect(books).outcome());

        Map<String, String> replayed = flows.consent(books);
        replayed.put("code", "code_that_the_provider_never_issued");
        assertEquals(OAuthOutcome.EXCHANGE_REFUSED, connect.callback(replayed, owner.tenantId(), owner.ownerId()).outcome());
        assertEquals(OAuthOutcome.STATE_USED, connect.callback(replayed, owner.tenantId(), owner.ownerId()).outcome());

        assertTrue(vault.read(owner.tenantId(), books.connectionId()).keySet().stream().noneMatch(k -> k.startsWith("oauth:")),
                "no failure stored anything");
        assertFalse(connect.states(owner.tenantId(), books.connectionId()).get(0).connected());
        assertThrows(CredentialsRejected.class, () -> tokens.current(connection(books), system()));
    }

    @Test
    void twoInstancesNeedingATokenAtOnceMakeOneExchangeAndBothGetAValidToken() throws Exception {
        OAuthFlows.Books books = flows.connection("Cluster Books Co");
        flows.connect(books);
        expireSoon(books, Duration.ofSeconds(20));
        int before = auth.exchanges("refresh_token");
        auth.slowNextTokenRequests(1, Duration.ofMillis(500));

        Map<String, Object> props = new java.util.HashMap<>(properties(auth));
        props.put("ml.jobs.instance-name", "second-oauth-instance");
        props.put("ml.jobs.enabled", "false");
        try (ApplicationContext second = Micronaut.build(new String[0]).environments("test").banner(false).properties(props).start()) {
            second.getBean(PluginHost.class).register(new OAuthTestConnector());
            TokenService secondTokens = second.getBean(TokenService.class);
            Connection connection = connection(books);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<AccessToken>> asked = new ArrayList<>();
                for (TokenService instance : List.of(tokens, secondTokens, tokens, secondTokens)) {
                    Callable<AccessToken> ask = () -> {
                        go.await();
                        return instance.current(connection, system());
                    };
                    asked.add(threads.submit(ask));
                }
                go.countDown();
                List<AccessToken> got = new ArrayList<>();
                for (Future<AccessToken> f : asked) {
                    got.add(f.get());
                }
                assertEquals(before + 1, auth.exchanges("refresh_token"), "one exchange for four askers on two instances");
                for (AccessToken token : got) {
                    assertTrue(auth.accepts(token.authorization()), "every asker got a valid token");
                    assertEquals(got.get(0).value(), token.value());
                    assertTrue(token.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(50))));
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void aReusedRefreshTokenMeansReconnectAndTheWorkWaitsThenResumesOnReconnect() {
        OAuthFlows.Books books = flows.connection("Reuse Co");
        flows.connect(books);
        String stored = vault.read(books.owner().tenantId(), books.connectionId()).get("oauth:" + OAuthTestConnector.SYSTEM + ":refresh_token");
        // Someone else spends the refresh token first (a copied credential, an old backup): the
        // provider rotates it, and the platform's copy is now a reused one.
        assertEquals(200, refreshAtTheFake(stored).statusCode());
        expireSoon(books, Duration.ofSeconds(-1));

        Runtime runtime = new Runtime(api, plugins);
        String body = TestConnector.body("EV-REUSE-1", "books", "PB-REUSE-1");
        assertEquals(200, runtime.send(books.webhookUrl(), body, TestConnector.sign(body.getBytes(), Runtime.SECRET)).statusCode());

        Eventually.within(WAIT, "needs reconnect", () -> !view(books).get("reconnect").isNull());
        assertEquals(OAuthTestConnector.SYSTEM, view(books).at("/reconnect/system").asText());
        JsonNode alerts = Tenants.read(api.get("/api/connections/" + books.connectionId() + "/alerts", books.owner().auth()).body());
        assertEquals(1, alerts.size(), alerts.toString());
        assertTrue(steps(books).contains("oauth.refresh.refused"), "the audit says the refresh was refused");
        assertFalse(status(books, "PB-REUSE-1").equals("DONE"));
        assertFalse(status(books, "PB-REUSE-1").equals("FAILED"), "the work waits; it is not failed");

        assertEquals(OAuthOutcome.CONNECTED, flows.connect(books).outcome());

        assertTrue(view(books).get("reconnect").isNull(), "connecting again clears the mark");
        Eventually.within(WAIT, "the waiting work ran at once after the reconnect", () -> status(books, "PB-REUSE-1").equals("DONE"));
        assertEquals(1, TestConnector.POSTED.get("PB-REUSE-1").get());
    }

    @Test
    void anUnreachableProviderIsRetriedLaterWhileTheStillValidTokenIsUsed() {
        OAuthFlows.Books books = flows.connection("Flaky Auth Co");
        flows.connect(books);
        AccessToken first = tokens.current(connection(books), system());
        expireSoon(books, Duration.ofMinutes(3));
        auth.failNextTokenRequests(1, 502);

        AccessToken meanwhile = tokens.current(connection(books), system());
        assertEquals(first.value(), meanwhile.value(), "a token with three minutes left is used while the provider is down");
        assertTrue(steps(books).contains("oauth.refresh.unavailable"));

        expireSoon(books, Duration.ofSeconds(-1));
        RetryLater later = assertThrows(RetryLater.class, () -> tokens.current(connection(books), system()));
        assertTrue(later.after().compareTo(Duration.ZERO) > 0);
        assertTrue(view(books).get("reconnect").isNull(), "a provider that is down is not a refusal");

        transactions.system(() -> sql.update("UPDATE oauth_links SET retry_at = NULL WHERE connection_id = ?", books.connectionId()));
        assertTrue(auth.accepts(tokens.current(connection(books), system()).authorization()), "works once the provider is back");
    }

    @Test
    void afterA401TheConnectorGetsARenewedTokenOnce() {
        OAuthFlows.Books books = flows.connection("Revoked Token Co");
        flows.connect(books);
        AccessToken first = tokens.current(connection(books), system());
        auth.expireAccessTokens();
        AccessToken renewed = tokens.renewed(connection(books), system(), first);
        assertNotEquals(first.value(), renewed.value());
        assertTrue(auth.accepts(renewed.authorization()));
        assertEquals(renewed.value(), tokens.renewed(connection(books), system(), first).value(),
                "a second caller with the same refused token gets the renewed one, not another exchange");
    }

    @Test
    void idleGrantsAreKeptAliveAndDisconnectRevokesThenForgets() {
        OAuthFlows.Books books = flows.connection("Quiet Co");
        flows.connect(books);
        transactions.system(() -> sql.update("UPDATE oauth_links SET refreshed_at = now() - interval '60 days' WHERE connection_id = ?",
                books.connectionId()));
        int before = auth.exchanges("refresh_token");
        assertTrue(keepAlive.run() >= 1);
        assertEquals(before + 1, auth.exchanges("refresh_token"), "the quiet grant was refreshed");

        AccessToken token = tokens.current(connection(books), system());
        OAuthConnect.Result result = connect.disconnect(books.owner().tenantId(), books.connectionId(), OAuthTestConnector.SYSTEM);
        assertEquals(OAuthOutcome.DISCONNECTED, result.outcome());
        assertFalse(auth.accepts(token.authorization()), "the provider was told to revoke the grant");
        assertTrue(vault.read(books.owner().tenantId(), books.connectionId()).keySet().stream().noneMatch(k -> k.startsWith("oauth:")));
        assertThrows(CredentialsRejected.class, () -> tokens.current(connection(books), system()));
        assertTrue(steps(books).contains("oauth.disconnected"));
    }

    // ---------------------------------------------------------------- helpers

    private Connection connection(OAuthFlows.Books books) {
        return connections.get(books.owner().tenantId(), books.connectionId());
    }

    private static io.mlconnector.api.spec.SystemSpec system() {
        return new OAuthTestConnector().spec().system(OAuthTestConnector.SYSTEM).orElseThrow();
    }

    private void expireSoon(OAuthFlows.Books books, Duration left) {
        vault.put(books.owner().tenantId(), books.connectionId(), OAuthGrants.field(OAuthTestConnector.SYSTEM, "expires_at"),
                Instant.now().plus(left).toString());
    }

    private HttpResponse<String> refreshAtTheFake(String refreshToken) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(auth.tokenUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=books-app&client_secret=books-app-secret"
                            + "&refresh_token=" + java.net.URLEncoder.encode(refreshToken, java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode view(OAuthFlows.Books books) {
        return Tenants.read(api.get("/api/connections/" + books.connectionId(), books.owner().auth()).body());
    }

    private String status(OAuthFlows.Books books, String objectId) {
        JsonNode rows = Tenants.read(api.get("/api/sync-records?connectionId=" + books.connectionId() + "&q=" + objectId,
                books.owner().auth()).body());
        for (JsonNode row : rows) {
            if (row.at("/record/sourceId").asText().equals(objectId)) {
                return row.at("/record/status").asText();
            }
        }
        return "NONE";
    }

    private List<String> steps(OAuthFlows.Books books) {
        return transactions.read(books.owner().tenantId(), () -> sql.list(
                "SELECT step FROM audit_log WHERE connection_id = ? ORDER BY id", r -> r.getString(1), books.connectionId()));
    }
}
