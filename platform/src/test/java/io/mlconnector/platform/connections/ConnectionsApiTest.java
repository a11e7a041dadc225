package io.mlconnector.platform.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.platform.testing.TestConnector;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ConnectionsApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;

    Api api;
    Runtime runtime;
    Tenants tenants;

    @BeforeEach
    void setUp() {
        api = new Api(server.getURL().toString());
        runtime = new Runtime(api, plugins);
        tenants = new Tenants(api);
    }

    @Test
    void theCatalogueDescribesEachConnectorsCredentialsAndSettings() {
        Tenants.SignedUp owner = tenants.signUp("Catalogue Co");
        JsonNode catalogue = Tenants.read(api.get("/api/connectors", owner.auth()).body());
        JsonNode test = null;
        for (JsonNode spec : catalogue) {
            if (spec.get("id").asText().equals(TestConnector.ID)) {
                test = spec;
            }
        }
        assertTrue(test != null, catalogue.toString());
        assertEquals("api_key", test.at("/systems/0/credentials/0/key").asText());
        assertTrue(test.at("/systems/0/credentials/0/secret").asBoolean());
        assertEquals("posting", test.at("/settings/0/key").asText());
    }

    @Test
    void aNewConnectionShowsItsWebhookAddressAndOnlyMaskedSecrets() {
        Runtime.TestConnection connection = runtime.connection("Masked Co");
        HttpResponse<String> view = api.get("/api/connections/" + connection.id(), connection.owner().auth());

        assertEquals(200, view.statusCode());
        assertFalse(view.body().contains("tk_abcdefgh1234"), "the API key never comes back");
        assertFalse(view.body().contains(Runtime.SECRET), "the signing secret never comes back");
        JsonNode body = Tenants.read(view.body());
        assertEquals("••••1234", body.at("/credentials/0/shown").asText());
        assertEquals("••••cdef", body.at("/credentials/1/shown").asText());
        String token = connection.webhookUrl().replaceAll(".*/webhooks/([^/]+)/test-pay$", "$1");
        assertTrue(token.length() >= 40, "the webhook token is long and random: " + token);
        assertEquals("confirmed", body.at("/settings/posting").asText("confirmed"));
    }

    @Test
    void credentialsAndSettingsAreValidatedAgainstTheSpecWithAMessagePerField() {
        Tenants.SignedUp owner = tenants.signUp("Validation Co");
        HttpResponse<String> badKey = api.postJson("/api/connections", """
                {"connectorId": "%s", "credentials": {"api_key": "wrong-format", "nonsense": "x"}}""".formatted(TestConnector.ID), owner.auth());
        assertEquals(400, badKey.statusCode());
        JsonNode errors = Tenants.read(badKey.body()).get("fieldErrors");
        assertTrue(errors.get("api_key").asText().contains("does not look right"));
        assertTrue(errors.has("nonsense"));
        assertEquals(0, Tenants.read(api.get("/api/connections", owner.auth()).body()).size(), "nothing was created");

        Runtime.TestConnection connection = runtime.connection(owner);
        HttpResponse<String> badSetting = api.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/connections/" + connection.id() + "/settings"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"posting\": \"whenever\"}")),
                owner.auth());
        assertEquals(400, badSetting.statusCode());
        assertTrue(badSetting.body().contains("must be one of confirmed, paid_out"));

        HttpResponse<String> goodSetting = api.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/connections/" + connection.id() + "/settings"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"posting\": \"paid_out\"}")),
                owner.auth());
        assertEquals("paid_out", Tenants.read(goodSetting.body()).at("/settings/posting").asText());
    }

    @Test
    void testConnectionReportsEachSideInPlainWords() {
        Runtime.TestConnection connection = runtime.connection("Check Co");
        JsonNode result = Tenants.read(api.postJson("/api/connections/" + connection.id() + "/check", "", connection.owner().auth()).body());
        assertEquals("Connected to Test Pay", result.at("/sides/0/message").asText());
        assertTrue(result.at("/sides/1/ok").asBoolean());
    }

    @Test
    void pausingResumingAndDeletingAConnection() {
        Runtime.TestConnection connection = runtime.connection("Lifecycle Co");
        String[] auth = connection.owner().auth();
        assertEquals("PAUSED", Tenants.read(api.postJson("/api/connections/" + connection.id() + "/pause", "", auth).body()).get("status").asText());
        assertEquals("ACTIVE", Tenants.read(api.postJson("/api/connections/" + connection.id() + "/resume", "", auth).body()).get("status").asText());
        assertEquals(204, api.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/connections/" + connection.id())).DELETE(), auth).statusCode());
        assertEquals(404, api.get("/api/connections/" + connection.id(), auth).statusCode());
        assertEquals(404, runtime.send(connection, TestConnector.body("E1", "ok", "O1")).statusCode(), "its webhook address is gone too");
    }

    @Test
    void anotherTenantsConnectionIsNotFoundThroughEveryEndpointThatTakesItsId() {
        Runtime.TestConnection theirs = runtime.connection("Victim Co");
        Tenants.SignedUp attacker = tenants.signUp("Attacker Co");
        String base = "/api/connections/" + theirs.id();
        String url = server.getURL().toString();
        for (HttpRequest.Builder request : List.of(
                HttpRequest.newBuilder(URI.create(url + base)).GET(),
                HttpRequest.newBuilder(URI.create(url + base + "/credentials")).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"api_key\": \"tk_stolen12345\"}")),
                HttpRequest.newBuilder(URI.create(url + base + "/settings")).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"posting\": \"paid_out\"}")),
                HttpRequest.newBuilder(URI.create(url + base + "/check")).POST(HttpRequest.BodyPublishers.noBody()),
                HttpRequest.newBuilder(URI.create(url + base + "/pause")).POST(HttpRequest.BodyPublishers.noBody()),
                HttpRequest.newBuilder(URI.create(url + base + "/resume")).POST(HttpRequest.BodyPublishers.noBody()),
                HttpRequest.newBuilder(URI.create(url + base + "/alerts")).GET(),
                HttpRequest.newBuilder(URI.create(url + base + "/replay-failed")).POST(HttpRequest.BodyPublishers.noBody()),
                HttpRequest.newBuilder(URI.create(url + base)).DELETE())) {
            HttpResponse<String> response = api.send(request, attacker.auth());
            assertEquals(404, response.statusCode(), request.build().method() + " " + request.build().uri() + " → " + response.body());
        }
        assertEquals(200, api.get(base, theirs.owner().auth()).statusCode(), "still there and unchanged for its owner");
        assertEquals("ACTIVE", Tenants.read(api.get(base, theirs.owner().auth()).body()).get("status").asText());
    }
}
