package io.mlconnector.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.TestConnector;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class WebhookIngressTest {

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;
    @Inject
    TenantTransactions transactions;
    @Inject
    Sql sql;

    Api api;
    Runtime runtime;
    Runtime.TestConnection connection;

    @BeforeEach
    void setUp() {
        api = new Api(server.getURL().toString());
        runtime = new Runtime(api, plugins);
        connection = runtime.connection("Ingress Co");
    }

    @Test
    void aSignedBatchIsStoredWholeAndADuplicateDeliveryStoresNothingNew() {
        String body = TestConnector.body("EVA1", "ok", "PA1", "EVA2", "ok", "PA2", "EVA3", "ok", "PA3");

        HttpResponse<String> first = runtime.send(connection, body);
        HttpResponse<String> again = runtime.send(connection, body);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, again.statusCode(), "a duplicate is acknowledged, or the sender would retry forever");
        assertTrue(again.body().contains("3 already received"), again.body());
        assertEquals(3, storedEvents(connection.id()));
    }

    @Test
    void aBadSignatureGetsTheSendersCodeAndStoresNothing() {
        String body = TestConnector.body("EVB1", "ok", "PB1");
        HttpResponse<String> forged = runtime.send(connection.webhookUrl(), body, TestConnector.sign(body.getBytes(), "not-the-secret"));
        HttpResponse<String> unsigned = runtime.send(connection.webhookUrl(), body, "");

        assertEquals(498, forged.statusCode());
        assertEquals(498, unsigned.statusCode());
        assertEquals(0, storedEvents(connection.id()));
    }

    @Test
    void duringASecretRotationBothSecretsAreAccepted() {
        api.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/connections/" + connection.id() + "/credentials"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"signing_secret\": \"whsec_new_secret_abcdef, " + Runtime.SECRET + "\"}")),
                connection.owner().auth());
        String oldSigned = TestConnector.body("EVR1", "ok", "PR1");
        String newSigned = TestConnector.body("EVR2", "ok", "PR2");

        assertEquals(200, runtime.send(connection, oldSigned).statusCode());
        assertEquals(200, runtime.send(connection.webhookUrl(), newSigned,
                TestConnector.sign(newSigned.getBytes(), "whsec_new_secret_abcdef")).statusCode());
        assertEquals(2, storedEvents(connection.id()));
    }

    @Test
    void unknownAddressesWrongSourcesAndMalformedBodiesGetClear4xxAndStoreNothing() {
        String body = TestConnector.body("EVC1", "ok", "PC1");
        String unknownToken = connection.webhookUrl().replaceAll("/webhooks/[^/]+/", "/webhooks/" + "x".repeat(43) + "/");
        HttpResponse<String> unknown = runtime.send(unknownToken, body, TestConnector.sign(body.getBytes(), Runtime.SECRET));
        HttpResponse<String> wrongSource = runtime.send(connection.webhookUrl().replace("/test-pay", "/other-system"), body,
                TestConnector.sign(body.getBytes(), Runtime.SECRET));
        String garbage = "{\"not\": \"events\"}";
        HttpResponse<String> malformed = runtime.send(connection.webhookUrl(), garbage, TestConnector.sign(garbage.getBytes(), Runtime.SECRET));

        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("Unknown webhook address"));
        assertEquals(404, wrongSource.statusCode());
        assertTrue(wrongSource.body().contains("other-system"));
        assertEquals(400, malformed.statusCode());
        assertEquals(0, storedEvents(connection.id()));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAnythingIsRead() {
        String huge = TestConnector.body("EVD1", "ok", "x".repeat(3_000_000));
        HttpResponse<String> response = runtime.send(connection, huge);
        assertEquals(413, response.statusCode());
        assertEquals(0, storedEvents(connection.id()));
    }

    @Test
    void eventTypesTheConnectorIgnoresAreAcknowledgedWithoutStoringWork() {
        HttpResponse<String> response = runtime.send(connection, TestConnector.body("EVE1", "ignored", "PE1"));
        assertEquals(204, response.statusCode());
        assertEquals(0, storedEvents(connection.id()));
    }

    @Test
    void aSenderThatNamesItsOriginIsHeardOnAServerReachedAtLocalhost() {
        String body = TestConnector.body("EVF1", "ok", "PF1");
        // GoCardless names its API in Origin; browsers' drive-by protection must not refuse it.
        HttpResponse<String> webhook = api.send(HttpRequest.newBuilder(URI.create(connection.webhookUrl()))
                .header("Content-Type", "application/json")
                .header("Origin", "https://api.gocardless.com")
                .header("X-Test-Signature", TestConnector.sign(body.getBytes(), Runtime.SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> fromAWebPage = api.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/me"))
                .header("Origin", "https://attacker.example").GET(), connection.owner().auth());

        assertTrue(connection.webhookUrl().startsWith("http://localhost:"), connection.webhookUrl());
        assertEquals(200, webhook.statusCode(), webhook.body());
        assertEquals(1, storedEvents(connection.id()));
        assertEquals(403, fromAWebPage.statusCode(), "other addresses keep the protection");
    }

    private long storedEvents(UUID connectionId) {
        return transactions.system(() -> sql.one("SELECT count(*) FROM inbox_events WHERE connection_id = ?",
                row -> row.getLong(1), connectionId).orElseThrow());
    }
}
