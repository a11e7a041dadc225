package io.mlconnector.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.testkit.qbd.SessionOutcome;
import io.mlconnector.web.testing.Company;
import io.mlconnector.web.testing.DesktopPairConnector;
import io.mlconnector.web.testing.WebSession;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Needs reconnect" as the connector reports it: a system refused the credentials, until new ones work. */
@MicronautTest(transactional = false)
class ReconnectPagesTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EmbeddedServer server;

    @Inject
    PluginHost plugins;

    String base;

    @BeforeEach
    void setUp() {
        base = server.getURL().toString();
        if (plugins.connector(DesktopPairConnector.ID).isEmpty()) {
            plugins.register(new DesktopPairConnector());
        }
    }

    @Test
    void refusedCredentialsShowNeedsReconnectUntilNewOnesPassTestConnection() {
        String oldKey = freshKey();
        Company acme = Company.signUp(base, "Reconnect Ltd", oldKey);
        WebSession owner = acme.session();
        assertEquals(SessionOutcome.NOTHING_TO_DO, acme.webConnectorCalls().outcome());
        assertEquals("Working", badge(owner.get("/app").body()), "set up and polled: working before anything goes wrong");

        DesktopPairConnector.REVOKED_KEYS.add(oldKey);
        assertEquals(200, acme.sendEvents("EK1", "ok", "PK-1").statusCode());
        Eventually.within(WAIT, "the refusal reported", () -> "Needs reconnect".equals(badge(owner.get("/app").body())));

        String card = card(owner.get("/app").body());
        assertTrue(card.contains("Reconnect Test Pay: it refused the credentials"), card);
        assertTrue(card.contains("Test Pay refused the API key (401 Unauthorized). Since "), card);
        assertTrue(card.contains("href=\"" + acme.connectionPath() + "/credentials\">Reconnect"), "the card leads to Credentials: " + card);
        String page = owner.get(acme.connectionPath()).body();
        String panel = WebSession.find(page, "(<section class=\"panel attention\" id=\"reconnect\".*?</section>)");
        assertTrue(panel.contains("Test Pay refused the saved credentials"), panel);
        assertTrue(panel.contains("<q>Test Pay refused the API key (401 Unauthorized)</q>"), panel);
        assertTrue(panel.contains("href=\"" + acme.connectionPath() + "/credentials\""), panel);
        assertTrue(owner.get(acme.connectionPath() + "/credentials").body().contains("Reconnect Test Pay: it refused the credentials"),
                "the credentials page says why it is open");

        HttpResponse<String> stillRefused = owner.post(acme.connectionPath() + "/check", Map.of());
        assertTrue(stillRefused.body().contains("Something needs fixing"), "the old key still fails the test");
        assertEquals("Needs reconnect", badge(owner.get("/app").body()));

        owner.get(acme.connectionPath() + "/credentials");
        HttpResponse<String> saved = owner.post(acme.connectionPath() + "/credentials", Map.of("api_key", freshKey(), "signing_secret", ""));
        assertEquals(303, saved.statusCode(), saved.body());
        owner.get(acme.connectionPath());
        HttpResponse<String> passed = owner.post(acme.connectionPath() + "/check", Map.of());

        assertTrue(passed.body().contains("The connection works"), passed.body());
        assertFalse(passed.body().contains("id=\"reconnect\""), "the reconnect panel is gone once the test passes");
        Eventually.within(WAIT, "the payment waiting meanwhile posted",
                () -> owner.get("/app/activity?q=PK-1&status=DONE").body().contains("PK-1"));
        String dashboard = owner.get("/app").body();
        assertEquals("Working", badge(dashboard), card(dashboard));
        assertFalse(dashboard.contains("refused"), "no stale alert keeps the connection looking broken");
    }

    @Test
    void aPersonDismissesAnAlertOnceDealtWithAndTheConnectionIsWorkingAgain() {
        Company acme = Company.signUp(base, "Alerted Ltd", freshKey());
        WebSession owner = acme.session();
        acme.webConnectorCalls();
        assertEquals(200, acme.sendEvents("EAL1", "alert", "PAL-1").statusCode());
        Eventually.within(WAIT, "the alert shown", () -> "Needs attention".equals(badge(owner.get("/app").body())));

        String page = owner.get(acme.connectionPath()).body();
        String alertId = WebSession.find(page, "/alerts/([0-9a-f-]{36})/dismiss");
        assertTrue(page.contains("aria-label=\"Dismiss alert: Payment PAL-1 failed\""), "the button says which alert it dismisses");
        assertEquals(403, owner.postRaw(acme.connectionPath() + "/alerts/" + alertId + "/dismiss", Map.of()).statusCode(),
                "a form without its CSRF token is refused");
        Company rival = Company.signUp(base, "Rival Alerts Ltd", freshKey());
        WebSession nosy = rival.session();
        nosy.get("/app");
        assertEquals(404, nosy.post(acme.connectionPath() + "/alerts/" + alertId + "/dismiss", Map.of()).statusCode(),
                "another company cannot dismiss it");

        HttpResponse<String> dismissed = owner.post(acme.connectionPath() + "/alerts/" + alertId + "/dismiss", Map.of());

        assertEquals(303, dismissed.statusCode(), dismissed.body());
        String after = owner.get(acme.connectionPath() + "?saved=dismissed").body();
        assertTrue(after.contains("Alert dismissed."), after);
        assertFalse(after.contains("Payment PAL-1 failed"), "the alert is gone from the page");
        assertEquals("Working", badge(owner.get("/app").body()));
    }

    private static String freshKey() {
        return "tk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The only connection card of the dashboard. */
    private static String card(String dashboard) {
        return WebSession.find(dashboard, "(<li class=\"card connection.*?</li>)");
    }

    private static String badge(String dashboard) {
        return WebSession.find(card(dashboard), "<span class=\"badge[^\"]*\">([^<]+)</span>");
    }
}
