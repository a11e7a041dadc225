package io.mlconnector.platform.alerts;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person dismisses an alert once they dealt with it; nobody else can. */
@MicronautTest(transactional = false)
class AlertAcknowledgeTest {

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;

    Api api;
    Runtime runtime;
    Runtime.TestConnection connection;

    @BeforeEach
    void anOpenAlert() {
        api = new Api(server.getURL().toString());
        runtime = new Runtime(api, plugins);
        connection = runtime.connection("Alerted Co");
        runtime.send(connection, TestConnector.body("EVA1", "alert", "PA1"));
        Eventually.within(Duration.ofSeconds(20), "alert raised", () -> alerts().size() == 1);
    }

    private JsonNode alerts() {
        return Tenants.read(api.get("/api/connections/" + connection.id() + "/alerts", connection.owner().auth()).body());
    }

    private int acknowledge(String alertId, String... auth) {
        return api.postJson("/api/connections/" + connection.id() + "/alerts/" + alertId + "/acknowledge", "", auth).statusCode();
    }

    @Test
    void aDismissedAlertIsNoLongerOpenAndTheDismissalIsAudited() {
        String alertId = alerts().get(0).get("id").asText();

        assertEquals(204, acknowledge(alertId, connection.owner().auth()));

        assertEquals(0, alerts().size());
        assertEquals(404, acknowledge(alertId, connection.owner().auth()), "dismissing twice finds nothing open");
        String audit = api.get("/api/audit?connectionId=" + connection.id(), connection.owner().auth()).body();
        assertTrue(audit.contains("alert.acknowledged"), audit);
    }

    @Test
    void anotherTenantCannotDismissIt() {
        String alertId = alerts().get(0).get("id").asText();
        Tenants.SignedUp other = new Tenants(api).signUp("Other Co");

        assertEquals(404, acknowledge(alertId, other.auth()));
        assertEquals(1, alerts().size(), "still open");
    }
}
