package io.mlconnector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import io.mlconnector.testkit.qbd.QbInvoice;
import io.mlconnector.testkit.qbd.QbLink;
import io.mlconnector.testkit.qbd.QbPayment;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A GoCardless access token revoked while the connection runs, through the real platform and the
 * packaged plugin: the connection shows "needs reconnect" (people are told once), nothing is marked
 * failed, and after a new token is saved and "Test connection" passes the mark clears and the
 * waiting payment runs at once and reaches the books. Its own GoCardless fake, since revoking tokens would disturb
 * other tests.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QbdGoCardlessReconnectEndToEndTest implements TestPropertyProvider {

    private static final String NEW_TOKEN = "sandbox_after_revocation_7c41d0";

    private final FakeGoCardless gc = FakeGoCardless.start();

    @Inject
    EmbeddedServer server;

    private Tenants.SignedUp company;

    /**
     * Retries as in production (the platform waits up to 15 minutes after refused credentials) rather
     * than the tests' usual second: the waiting payment must run because the check passed, not because
     * a retry happened to come round.
     */
    @Override
    public Map<String, String> getProperties() {
        return Map.of("ml.systems.gocardless.base-url", gc.baseUrl(), "ml.jobs.max-retry-delay", "10m");
    }

    @BeforeAll
    void signUp() {
        company = new Tenants(new Api(server.getURL().toString())).signUp("Revoked Token Ltd");
    }

    @AfterAll
    void stopGoCardless() {
        gc.close();
    }

    @Test
    void aRevokedGoCardlessTokenShowsAsNeedsReconnectUntilANewTokenPassesTheCheck() {
        QbdGoCardlessConnection uk = QbdGoCardlessConnection.create(server.getURL().toString(), company, "Revoked",
                gc, CompanyFiles.inPounds("Revoked Ltd"), Map.of());
        uk.books().addCustomer("Ada Lovelace", "ada@example.com");
        CustomerWithMandate ada = gc.createCustomerWithActiveMandate(CustomerDetails.person("Ada", "Lovelace", "ada@example.com"));
        QbInvoice invoice = uk.books().addOpenInvoice("Ada Lovelace", "1001", "25.00");
        String payment = gc.createPayment(ada.mandateId(), 2500, "GBP");
        gc.confirmPayment(payment);
        String oldToken = gc.accessToken();
        assertTrue(uk.view().get("reconnect").isNull(), "a new connection needs no reconnect");

        gc.revokeAllAccessTokens();
        uk.send(gc.takeNewEvents());

        Eventually.within(QbdGoCardlessConnection.LIMIT, "the connection marked for reconnecting",
                () -> !uk.view().get("reconnect").isNull());
        JsonNode reconnect = uk.view().get("reconnect");
        assertEquals("gocardless", reconnect.get("system").asText());
        assertEquals("GoCardless", reconnect.get("systemName").asText());
        assertTrue(reconnect.get("reason").asText().startsWith("GoCardless refused the access token"), reconnect.toString());
        assertFalse(uk.view().toString().contains(oldToken), "the token is never shown");
        List<JsonNode> alerts = uk.alerts();
        assertEquals(1, alerts.size(), "told once, not per event: " + alerts);
        assertTrue(alerts.get(0).get("subject").asText().startsWith("Reconnect"), alerts.toString());
        assertFalse(alerts.get(0).toString().contains(oldToken));
        assertEquals(List.of(), uk.records("FAILED"), "nothing failed because of the token");
        assertEquals(0, uk.books().payments().size());

        // The person creates a new token in GoCardless, saves it, runs the Web Connector and tests the connection.
        gc.acceptAccessToken(NEW_TOKEN);
        uk.saveCredentials(Map.of("gocardless_access_token", NEW_TOKEN));
        uk.runWebConnector();
        JsonNode check = uk.check();

        check.get("sides").forEach(side -> assertTrue(side.get("ok").asBoolean(), check.toString()));
        assertTrue(uk.view().get("reconnect").isNull(), "a passing check clears the mark");

        uk.runWebConnectorUntil("the waiting payment posted", () -> uk.isDone(payment));
        QbPayment posted = uk.paymentCarrying(payment);
        assertEquals(List.of(invoice.txnId()), txnIds(posted.appliedTo()));
        assertEquals(1, uk.books().payments().size());
    }

    private static List<String> txnIds(List<QbLink> links) {
        List<String> ids = new ArrayList<>();
        links.forEach(l -> ids.add(l.txnId()));
        return ids;
    }
}
