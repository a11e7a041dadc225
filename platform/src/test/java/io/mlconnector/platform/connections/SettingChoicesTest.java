package io.mlconnector.platform.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.api.context.Choice;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.platform.testing.TestConnector;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings that name objects of a system are chosen from what the connector read from that system. */
@MicronautTest(transactional = false)
class SettingChoicesTest {

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
        connection = runtime.connection("Settings Co");
    }

    private void booksHave(String event, Choice... accounts) {
        TestConnector.booksAccounts = List.of(accounts);
        runtime.send(connection, TestConnector.body(event, "accounts", event));
        Eventually.within(Duration.ofSeconds(20), "accounts read", () -> choices().path("deposit_account").size() == accounts.length);
    }

    private JsonNode choices() {
        return Tenants.read(api.get("/api/connections/" + connection.id() + "/setting-choices", connection.owner().auth()).body());
    }

    private HttpResponse<String> depositTo(String account) {
        return api.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/connections/" + connection.id() + "/settings"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"deposit_account\": \"" + account + "\"}")), connection.owner().auth());
    }

    @Test
    void beforeTheConnectorReadTheAccountsAnyNameIsTaken() {
        assertEquals(0, choices().size(), "nothing offered yet");
        assertEquals(200, depositTo("Barclays Current").statusCode());
    }

    @Test
    void onceReadOnlyAnOfferedAccountCanBeChosen() {
        booksHave("EVS1", new Choice("Undeposited Funds", "Undeposited Funds", "Other current asset"),
                new Choice("Barclays Current", "Barclays Current", "Bank"));

        JsonNode offered = choices().get("deposit_account");
        assertEquals("Barclays Current", offered.get(0).get("label").asText(), "by name");
        assertEquals("Bank", offered.get(0).get("detail").asText());

        HttpResponse<String> refused = depositTo("Barclays Curent");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("deposit_account") && refused.body().contains("is not one of those offered"), refused.body());
        assertEquals(200, depositTo("Barclays Current").statusCode());
    }

    @Test
    void aStoredValueThatLeftTheListIsKeptWhenTheFormIsSavedUnchanged() {
        booksHave("EVS2", new Choice("Old Bank", "Old Bank", "Bank"), new Choice("New Bank", "New Bank", "Bank"));
        assertEquals(200, depositTo("Old Bank").statusCode());

        booksHave("EVS3", new Choice("New Bank", "New Bank", "Bank"));

        assertEquals(List.of("New Bank"), List.of(choices().get("deposit_account").get(0).get("id").asText()),
                "an account deleted in the books is no longer offered");
        assertEquals(200, depositTo("Old Bank").statusCode(), "saving the form as it was does not fail");
        assertEquals(400, depositTo("Other Bank").statusCode());
    }

    @Test
    void anotherTenantSeesNoneOfTheChoices() {
        booksHave("EVS4", new Choice("Private Bank", "Private Bank", "Bank"));
        Tenants.SignedUp other = new Tenants(api).signUp("Other Settings Co");

        assertEquals(404, api.get("/api/connections/" + connection.id() + "/setting-choices", other.auth()).statusCode());
    }
}
