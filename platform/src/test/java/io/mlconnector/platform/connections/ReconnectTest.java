package io.mlconnector.platform.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.platform.testing.TestConnector;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A system refusing the credentials shows as "needs reconnect" until they work again; no work is lost. */
@MicronautTest(transactional = false)
class ReconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;

    Api api;
    Runtime runtime;
    Runtime.TestConnection connection;

    @BeforeEach
    void setUp() {
        api = new Api(server.getURL().toString());
        runtime = new Runtime(api, plugins);
        connection = runtime.connection("Revoked Co");
    }

    @AfterEach
    void credentialsWorkAgain() {
        TestConnector.REFUSE_CREDENTIALS.set(false);
    }

    private JsonNode view() {
        return Tenants.read(api.get("/api/connections/" + connection.id(), connection.owner().auth()).body());
    }

    private int saveApiKey(String key) {
        return api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/api/connections/" + connection.id() + "/credentials"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"api_key\": \"" + key + "\"}")), connection.owner().auth()).statusCode();
    }

    private JsonNode alerts() {
        return Tenants.read(api.get("/api/connections/" + connection.id() + "/alerts", connection.owner().auth()).body());
    }

    @Test
    void refusedCredentialsMarkTheConnectionOnceAndTheWorkWaitsForTheReconnect() {
        TestConnector.REFUSE_CREDENTIALS.set(true);
        runtime.send(connection, TestConnector.body("EVR1", "credentials", "PR1", "EVR2", "credentials", "PR2"));

        Eventually.within(WAIT, "both events tried", () -> TestConnector.HANDLED.containsKey("EVR1") && TestConnector.HANDLED.containsKey("EVR2"));
        Eventually.within(WAIT, "marked", () -> !view().get("reconnect").isNull());
        JsonNode reconnect = view().get("reconnect");
        assertEquals("test-pay", reconnect.get("system").asText());
        assertEquals("Test Pay", reconnect.get("systemName").asText());
        assertEquals("Test Pay says the API key was revoked.", reconnect.get("reason").asText());
        assertEquals(1, alerts().size(), "people are told once, not once per event: " + alerts());
        assertEquals("Reconnect Books: Test Pay refused its credentials", alerts().get(0).get("subject").asText());
        assertTrue(!runtime.status(connection, "PR1").equals("DONE"), "nothing was posted with refused credentials");

        TestConnector.REFUSE_CREDENTIALS.set(false);
        JsonNode check = Tenants.read(api.postJson("/api/connections/" + connection.id() + "/check", "", connection.owner().auth()).body());
        assertTrue(check.at("/sides/0/ok").asBoolean() && check.at("/sides/1/ok").asBoolean(), check.toString());

        assertTrue(view().get("reconnect").isNull(), "a passing check clears the mark");
        assertEquals(0, alerts().size(), "and closes the alert it raised");
        Eventually.within(WAIT, "the waiting work ran at once, not at its next retry in 15 minutes",
                () -> runtime.status(connection, "PR1").equals("DONE") && runtime.status(connection, "PR2").equals("DONE"));
        assertEquals(1, TestConnector.POSTED.get("PR1").get());
    }

    @Test
    void savingNewCredentialsTriesThemAndClearsTheMarkWhenTheyWork() {
        TestConnector.REFUSE_CREDENTIALS.set(true);
        runtime.send(connection, TestConnector.body("EVR3", "credentials", "PR3"));
        Eventually.within(WAIT, "marked", () -> !view().get("reconnect").isNull());

        assertEquals(200, saveApiKey("tk_stillrefused1"));
        assertTrue(!view().get("reconnect").isNull(), "credentials the system still refuses leave the mark");

        TestConnector.REFUSE_CREDENTIALS.set(false);
        assertEquals(200, saveApiKey("tk_newkey12345"));

        assertTrue(view().get("reconnect").isNull(), "working credentials clear it without pressing Test connection");
        Eventually.within(WAIT, "PR3 ran again at once", () -> runtime.status(connection, "PR3").equals("DONE"));
    }

    @Test
    void workThatDoesNotProveTheCredentialsLeavesTheMark() {
        TestConnector.REFUSE_CREDENTIALS.set(true);
        runtime.send(connection, TestConnector.body("EVR5", "credentials", "PR5"));
        Eventually.within(WAIT, "marked", () -> !view().get("reconnect").isNull());

        runtime.send(connection, TestConnector.body("EVR6", "ok", "PR6"));
        Eventually.within(WAIT, "PR6 done", () -> runtime.status(connection, "PR6").equals("DONE"));

        assertTrue(!view().get("reconnect").isNull(), "still needs reconnect");
        assertEquals(1, alerts().size(), "and no second alert");
    }
}
