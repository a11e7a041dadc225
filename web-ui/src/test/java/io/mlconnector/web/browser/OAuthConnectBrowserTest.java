package io.mlconnector.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.OAuthTestConnector;
import io.mlconnector.testkit.oauth.Consent;
import io.mlconnector.testkit.oauth.FakeOAuthServer;
import io.mlconnector.web.testing.OAuthCompany;
import io.mlconnector.web.testing.WebSession;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * "Connect to Test Books" in Chromium through the real pages and the fake provider's consent page:
 * allowing ends "Connected to …"; denying, and a sign-in left open past the state's lifetime, end on
 * the connection page with a sentence and nothing connected. Photographed under target/screenshots.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("io.mlconnector.web.browser.Browser#available")
class OAuthConnectBrowserTest implements TestPropertyProvider {

    private final FakeOAuthServer auth = FakeOAuthServer.start();

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;
    @Inject
    TenantTransactions transactions;
    @Inject
    Sql sql;

    Browser browser;
    String base;

    @Override
    public Map<String, String> getProperties() {
        return OAuthCompany.operatorSettings(auth);
    }

    @BeforeAll
    void start() {
        base = server.getURL().toString();
        OAuthTestConnector.auth = auth;
        auth.consent(Consent.PAGE);
        if (plugins.connector(OAuthTestConnector.ID).isEmpty()) {
            plugins.register(new OAuthTestConnector());
        }
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        auth.close();
    }

    @Test
    void allowingAtTheProviderEndsConnectedAndDenyingOrWaitingTooLongEndsWithASentence() {
        OAuthCompany acme = OAuthCompany.signUp(base, "Browser OAuth Ltd");
        BrowserContext person = browser.person(base);
        Page page = person.newPage();
        signIn(page, acme.session().email());
        page.navigate(base + acme.connectionPath());
        browser.photograph(page, "oauth-1-connect-button");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect to Test Books")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Allow access to your company?"))).isVisible();
        assertTrue(page.url().startsWith(auth.authorizeUrl()), page.url());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deny")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Access to Test Books was not allowed, so nothing was connected.");
        assertTrue(page.url().startsWith(base + acme.connectionPath()), "ends on the connection page: " + page.url());
        browser.photograph(page, "oauth-2-denied");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect to Test Books")).click();
        transactions.system(() -> sql.update("UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL "
                + "AND connection_id = ?", acme.connectionId()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allow")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("took longer than 10 minutes and expired, so nothing was connected");
        browser.photograph(page, "oauth-3-expired");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect to Test Books")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allow")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Connected to Test Books company 9130350.");
        assertThat(page.locator("#oauth-test-books")).containsText("Connected to Test Books company 9130350");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reconnect"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disconnect"))).isVisible();
        assertTrue(!Pattern.compile("[?&](code|state)=").matcher(page.url()).find(), "the address bar keeps no code or state");
        browser.photograph(page, "oauth-4-connected");
        browser.photographOnPhone(page, "oauth-4-connected");
        person.close();
    }

    private void signIn(Page page, String email) {
        page.navigate(base + "/sign-in");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }
}
