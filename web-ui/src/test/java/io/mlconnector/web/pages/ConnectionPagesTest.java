package io.mlconnector.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.TestConnector;
import io.mlconnector.web.testing.Company;
import io.mlconnector.web.testing.DesktopPairConnector;
import io.mlconnector.web.testing.WebSession;
import io.mlconnector.platform.qbwc.WebConnectorAccounts;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ConnectionPagesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    PluginHost plugins;

    @Inject
    WebConnectorAccounts webConnectorAccounts;

    String base;

    @BeforeEach
    void setUp() {
        base = server.getURL().toString();
        if (plugins.connector(DesktopPairConnector.ID).isEmpty()) {
            plugins.register(new DesktopPairConnector());
        }
    }

    @Test
    void everyPageOfAConnectionRendersForItsOwner() {
        Company acme = Company.signUp(base, "Acme Ltd");
        WebSession owner = acme.session();

        Map<String, String> expectations = Map.of(
                "/app", "Acme Ltd books",
                "/app/connectors", "Test Desktop Books ↔ Test Pay",
                acme.connectionPath(), "Test connection",
                acme.connectionPath() + "/credentials", "Save credentials",
                acme.connectionPath() + "/settings", "Bank account for payouts",
                "/app/activity", "Activity",
                "/app/attention", "Nothing is waiting for you",
                "/app/audit", "connection created",
                "/app/team", "Invite a colleague");
        expectations.forEach((path, text) -> {
            HttpResponse<String> page = owner.get(path);
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertTrue(page.body().contains(text), path + " shows " + text);
        });
    }

    @Test
    void theDashboardSaysWhatIsLeftToSetUp() {
        Company acme = Company.signUp(base, "Setup Co");

        String dashboard = acme.session().get("/app").body();

        assertTrue(dashboard.contains("Set-up not finished"), dashboard);
        assertTrue(dashboard.contains("Web Connector not set up yet"));
    }

    @Test
    void anotherCompanysConnectionAddressesShowTheNotFoundPage() {
        Company acme = Company.signUp(base, "Acme");
        Company rival = Company.signUp(base, "Rival");

        for (String path : List.of(acme.connectionPath(), acme.connectionPath() + "/credentials", acme.connectionPath() + "/settings",
                acme.connectionPath() + "/delete", acme.connectionPath() + "/web-connector.qwc", "/app/connections/not-an-id",
                "/app/connections/00000000-0000-0000-0000-000000000000")) {
            HttpResponse<String> page = rival.session().get(path);
            assertEquals(404, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path + " answers HTML");
            assertTrue(page.body().contains("Page not found"), path);
            assertFalse(page.body().contains("Acme books"), path + " shows nothing of the other company");
        }
        rival.session().get(rival.connectionPath());
        HttpResponse<String> forged = rival.session().post(acme.connectionPath() + "/credentials", Map.of("api_key", "tk_stolen1234"));
        assertEquals(404, forged.statusCode());
        assertEquals(404, rival.session().post(acme.connectionPath() + "/web-connector-password", Map.of()).statusCode());
        assertEquals(404, rival.session().post(acme.connectionPath() + "/delete", Map.of()).statusCode());
        assertEquals(200, acme.session().get(acme.connectionPath()).statusCode(), "the owner still has it");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        Company acme = Company.signUp(base, "Forged Forms");
        WebSession owner = acme.session();

        HttpResponse<String> withoutToken = owner.postRaw(acme.connectionPath() + "/settings", Map.of("bank_account", "Attacker Bank"));
        HttpResponse<String> wrongToken = owner.postRaw(acme.connectionPath() + "/pause", Map.of("csrfToken", "not-the-token"));

        assertEquals(403, withoutToken.statusCode());
        assertEquals(403, wrongToken.statusCode());
        String settings = owner.get(acme.connectionPath() + "/settings").body();
        assertTrue(settings.contains("Barclays Current"));
        assertFalse(settings.contains("Attacker Bank"));
        assertFalse(owner.get(acme.connectionPath()).body().contains(">Paused<"));
    }

    @Test
    void aCredentialThatDoesNotLookRightIsExplainedBesideItsFieldAndNothingIsSaved() {
        Company acme = Company.signUp(base, "Typo Ltd");
        WebSession owner = acme.session();
        owner.get(acme.connectionPath() + "/credentials");

        HttpResponse<String> response = owner.post(acme.connectionPath() + "/credentials",
                Map.of("api_key", "pk_wrong_kind_of_key", TestConnector.SECRET_FIELD, "whsec_new_secret_5555"));

        assertEquals(400, response.statusCode());
        String field = WebSession.find(response.body(), "(<input id=\"credential-api_key\"[^>]*>)");
        assertTrue(field.contains("aria-invalid=\"true\""), field);
        assertTrue(field.contains("credential-api_key-error"), "the field points at its error: " + field);
        String error = WebSession.find(response.body(), "id=\"credential-api_key-error\">(.*?)</p>");
        assertTrue(error.contains("API key does not look right"), error);
        assertFalse(response.body().contains("pk_wrong_kind_of_key"), "a typed secret is not sent back");
        assertFalse(response.body().contains("whsec_new_secret_5555"));
        String stored = owner.get(acme.connectionPath() + "/credentials").body();
        assertTrue(stored.contains("••••9876"), "the saved signing secret is unchanged");
    }

    @Test
    void aSettingThatIsNotAllowedIsExplainedBesideItsField() {
        Company acme = Company.signUp(base, "Settings Ltd");
        WebSession owner = acme.session();
        owner.get(acme.connectionPath() + "/settings");

        HttpResponse<String> response = owner.post(acme.connectionPath() + "/settings",
                Map.of("posting", "whenever", "qbwc_run_every_minutes", "often", "bank_account", "", "reverse", "true"));

        assertEquals(400, response.statusCode());
        assertTrue(WebSession.find(response.body(), "id=\"setting-posting-error\">(.*?)</p>").contains("Post when must be one of"));
        assertTrue(WebSession.find(response.body(), "id=\"setting-qbwc_run_every_minutes-error\">(.*?)</p>").contains("whole number"));
        assertTrue(WebSession.find(response.body(), "id=\"setting-bank_account-error\">(.*?)</p>").contains("is required"));
        assertTrue(WebSession.find(response.body(), "(<input id=\"setting-qbwc_run_every_minutes\"[^>]*>)").contains("value=\"often\""),
                "what was typed stays in the field to correct it");

        HttpResponse<String> saved = owner.post(acme.connectionPath() + "/settings",
                Map.of("posting", "paid_out", "qbwc_run_every_minutes", "5", "bank_account", "Lloyds", "reverse", "true"));
        assertEquals(303, saved.statusCode());
        String page = owner.get(WebSession.location(saved)).body();
        assertTrue(page.contains("Settings saved."));
        assertTrue(WebSession.find(page, "(<option value=\"paid_out\"[^>]*>)").contains("selected"));
        assertTrue(WebSession.find(page, "(<input type=\"radio\" name=\"reverse\" value=\"true\"[^>]*>)").contains("checked"));
    }

    @Test
    void savedSecretsAreNeverSentBackToTheBrowser() {
        Company acme = Company.signUp(base, "Secrets Ltd");
        WebSession owner = acme.session();

        for (String path : List.of("/app", acme.connectionPath(), acme.connectionPath() + "/credentials", acme.connectionPath() + "/settings",
                "/app/audit", "/app/activity")) {
            String html = owner.get(path).body();
            assertFalse(html.contains(Company.API_KEY), path);
            assertFalse(html.contains(Company.SIGNING_SECRET), path);
        }
        String credentials = owner.get(acme.connectionPath() + "/credentials").body();
        assertTrue(credentials.contains("••••1234"), "the API key shows as its last four characters");
        assertTrue(credentials.contains("••••9876"));
        assertTrue(WebSession.find(credentials, "(<input id=\"credential-api_key\"[^>]*>)").contains("value=\"\""));
        String overview = owner.get(acme.connectionPath()).body();
        assertTrue(overview.contains("Webhook signing secret</strong>:"), overview);
    }

    @Test
    void aReplacedSecretShowsItsNewLastFourCharacters() {
        Company acme = Company.signUp(base, "Rotate Ltd");
        WebSession owner = acme.session();
        owner.get(acme.connectionPath() + "/credentials");

        HttpResponse<String> saved = owner.post(acme.connectionPath() + "/credentials", Map.of("api_key", "tk_replaced4321", "signing_secret", ""));

        assertEquals(303, saved.statusCode());
        String credentials = owner.get(acme.connectionPath() + "/credentials").body();
        assertTrue(credentials.contains("••••4321"));
        assertTrue(credentials.contains("••••9876"), "an empty field keeps what is saved");
    }

    @Test
    void testConnectionShowsEachSideInPlainWords() {
        Company acme = Company.signUp(base, "Checked Ltd");
        WebSession owner = acme.session();
        owner.get(acme.connectionPath());

        HttpResponse<String> result = owner.post(acme.connectionPath() + "/check", Map.of());

        assertEquals(200, result.statusCode());
        String answer = WebSession.find(result.body(), "id=\"check-result\"(.*?)</ul>");
        assertTrue(answer.contains("Connected to Test Pay"), answer);
        assertTrue(answer.contains("Test Books answered"), answer);
        assertTrue(answer.contains("The connection works"), answer);
    }

    @Test
    void theWebConnectorPasswordIsShownOnceAndTheQwcFileNamesItsUser() {
        Company acme = Company.signUp(base, "Desktop Ltd");
        WebSession owner = acme.session();
        owner.get(acme.connectionPath());

        HttpResponse<String> created = owner.post(acme.connectionPath() + "/web-connector-password", Map.of());

        assertEquals(200, created.statusCode());
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(""));
        String password = WebSession.find(created.body(), "id=\"password-value\"[^>]*value=\"([A-Za-z0-9]{16,})\"");
        String userName = WebSession.find(created.body(), "User name: <code>([^<]+)</code>");
        String later = owner.get(acme.connectionPath()).body();
        assertFalse(later.contains(password), "the password is never shown again");
        assertTrue(later.contains("Create a new password"));

        HttpResponse<String> qwc = owner.get(acme.connectionPath() + "/web-connector.qwc");
        assertEquals(200, qwc.statusCode());
        assertTrue(qwc.headers().firstValue("Content-Disposition").orElse("").contains(".qwc"));
        assertTrue(qwc.body().contains("<UserName>" + userName + "</UserName>"), qwc.body());
        assertFalse(qwc.body().contains(password));
    }

    @Test
    void theConnectionPageSaysWhenWrongWebConnectorPasswordsAreBeingTried() {
        Company acme = Company.signUp(base, "Guessed Ltd");
        WebSession owner = acme.session();
        owner.get(acme.connectionPath());
        HttpResponse<String> created = owner.post(acme.connectionPath() + "/web-connector-password", Map.of());
        String userName = WebSession.find(created.body(), "User name: <code>([^<]+)</code>");
        assertFalse(owner.get(acme.connectionPath()).body().contains("wrong-web-connector-passwords"));

        for (int i = 0; i < 3; i++) {
            assertTrue(webConnectorAccounts.signIn(userName, "guess " + i, "203.0.113.5").isEmpty());
        }

        String page = owner.get(acme.connectionPath()).body();
        assertTrue(page.contains("id=\"wrong-web-connector-passwords\""), page);
        assertTrue(page.contains("3 wrong passwords were tried for Web Connector user " + userName), page);
        assertTrue(page.contains("from 1 address"), page);
    }

    @Test
    void pausingAndDeletingAreDoneFromTheConnectionPage() {
        Company acme = Company.signUp(base, "Pause Ltd");
        WebSession owner = acme.session();
        owner.get(acme.connectionPath());

        assertEquals(303, owner.post(acme.connectionPath() + "/pause", Map.of()).statusCode());
        assertTrue(owner.get("/app").body().contains(">Paused<"));
        owner.get(acme.connectionPath() + "/delete");
        assertEquals(303, owner.post(acme.connectionPath() + "/delete", Map.of()).statusCode());

        assertEquals(404, owner.get(acme.connectionPath()).statusCode());
        assertTrue(owner.get("/app").body().contains("No connections yet"));
    }
}
