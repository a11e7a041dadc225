package io.mlconnector.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.OAuthTestConnector;
import io.mlconnector.testkit.oauth.Consent;
import io.mlconnector.testkit.oauth.FakeOAuthServer;
import io.mlconnector.web.testing.OAuthCompany;
import io.mlconnector.web.testing.WebSession;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** "Connect to Test Books" through the pages: the redirect out, the callback back, and every way it can fail. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthPagesTest implements TestPropertyProvider {

    private static final Pattern SECRET_LOOKING = Pattern.compile("\\b(at|rt|code)_[A-Za-z0-9_-]{30,}");
    private final FakeOAuthServer auth = FakeOAuthServer.start();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;

    String base;

    @Override
    public Map<String, String> getProperties() {
        return OAuthCompany.operatorSettings(auth);
    }

    @BeforeEach
    void setUp() {
        base = server.getURL().toString();
        OAuthTestConnector.auth = auth;
        auth.consent(Consent.GRANT);
        if (plugins.connector(OAuthTestConnector.ID).isEmpty()) {
            plugins.register(new OAuthTestConnector());
        }
    }

    @AfterAll
    void stop() {
        auth.close();
    }

    @Test
    void connectGoesToTheProviderAndTheCallbackEndsConnectedWithReconnectAndDisconnect() throws Exception {
        OAuthCompany acme = OAuthCompany.signUp(base, "OAuth Pages Ltd");
        WebSession owner = acme.session();
        String page = owner.get(acme.connectionPath()).body();
        assertTrue(page.contains(">Connect to Test Books</button>"), "the system is connected by signing in, not with token fields");
        assertFalse(page.contains("name=\"client_secret\""), "the operator's app is configured, so no app fields are asked for");

        HttpResponse<String> out = owner.post(acme.connectionPath() + "/oauth/test-books/connect", Map.of());
        assertEquals(303, out.statusCode());
        String authorize = WebSession.location(out);
        assertTrue(authorize.startsWith(auth.authorizeUrl() + "?"), authorize);
        assertTrue(authorize.contains("code_challenge=") && authorize.contains("state="), authorize);

        String callback = providerAnswer(authorize);
        HttpResponse<String> back = owner.get(path(callback));
        assertEquals(303, back.statusCode());
        assertEquals(acme.connectionPath() + "?oauth=connected&system=test-books", WebSession.location(back));

        String connected = owner.get(WebSession.location(back)).body();
        assertTrue(connected.contains("Connected to Test Books company 9130350"), connected);
        assertTrue(connected.contains(">Reconnect</button>") && connected.contains(">Disconnect</button>"));
        assertFalse(SECRET_LOOKING.matcher(connected).find(), "no token, code or state in the page");

        HttpResponse<String> reused = owner.get(path(callback));
        String reusedPage = owner.get(WebSession.location(reused)).body();
        assertTrue(reusedPage.contains("That sign-in answer was already used, so it was ignored."), reusedPage);

        HttpResponse<String> gone = owner.post(acme.connectionPath() + "/oauth/test-books/disconnect", Map.of());
        String after = owner.get(WebSession.location(gone)).body();
        assertTrue(after.contains("Disconnected from Test Books: access was revoked and the tokens are forgotten."), after);
        assertTrue(after.contains(">Connect to Test Books</button>"));
    }

    @Test
    void refusingConsentEndsOnTheConnectionPageWithASentenceAndNothingConnected() throws Exception {
        OAuthCompany acme = OAuthCompany.signUp(base, "Denied Ltd");
        WebSession owner = acme.session();
        owner.get(acme.connectionPath());
        auth.consent(Consent.DENY);
        String callback = providerAnswer(WebSession.location(owner.post(acme.connectionPath() + "/oauth/test-books/connect", Map.of())));
        assertTrue(callback.contains("error=access_denied"));

        String page = owner.get(WebSession.location(owner.get(path(callback)))).body();
        assertTrue(page.contains("Access to Test Books was not allowed, so nothing was connected. Press Connect to try again."), page);
        assertTrue(page.contains(">Connect to Test Books</button>"));
    }

    @Test
    void aStateFromAnotherCompanyIsRefusedOnTheDashboard() throws Exception {
        OAuthCompany acme = OAuthCompany.signUp(base, "Victim Ltd");
        acme.session().get(acme.connectionPath());
        String callback = providerAnswer(WebSession.location(acme.session().post(acme.connectionPath() + "/oauth/test-books/connect",
                Map.of())));
        OAuthCompany other = OAuthCompany.signUp(base, "Attacker Ltd");

        HttpResponse<String> back = other.session().get(path(callback));
        assertEquals("/app?oauth=state-other", WebSession.location(back));
        String dashboard = other.session().get("/app?oauth=state-other").body();
        assertTrue(dashboard.contains("That sign-in was started by someone else, so it was ignored and nothing was connected."));
        assertTrue(other.session().get(other.connectionPath()).body().contains(">Connect to Test Books</button>"),
                "the other company's connection stays unconnected");
    }

    @Test
    void anUnknownStateAndAnUnreachableProviderAreSaidPlainly() throws Exception {
        OAuthCompany acme = OAuthCompany.signUp(base, "Unreachable Ltd");
        WebSession owner = acme.session();
        HttpResponse<String> forged = owner.get("/oauth/callback?code=abc&state=made-up");
        assertTrue(owner.get(WebSession.location(forged)).body().contains("That sign-in answer did not come from a Connect button of yours"));

        owner.get(acme.connectionPath());
        String callback = providerAnswer(WebSession.location(owner.post(acme.connectionPath() + "/oauth/test-books/connect", Map.of())));
        auth.failNextTokenRequests(1, 503);
        String page = owner.get(WebSession.location(owner.get(path(callback)))).body();
        assertTrue(page.contains("Test Books could not be reached to complete the connection, so nothing was connected."), page);
    }

    /** What the person's browser does at the provider: the redirect back to our callback. */
    private String providerAnswer(String authorize) throws Exception {
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/oauth/callback?"), location);
        return location;
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
