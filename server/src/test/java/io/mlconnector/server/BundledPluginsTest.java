package io.mlconnector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Tenants;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The server as shipped: the plugins the build puts in {@code plugins/} load, and the example
 * connector of the plugin guide handles a webhook end to end.
 */
@MicronautTest(transactional = false)
class BundledPluginsTest {

    @Inject
    EmbeddedServer server;

    @Test
    void theGuidesExamplePluginLoadsFromThePluginsFolderAndHandlesAWebhook() throws Exception {
        Api api = new Api(server.getURL().toString());
        Tenants.SignedUp owner = new Tenants(api).signUp("Example Co");
        assertTrue(api.get("/api/connectors", owner.auth()).body().contains("acme-pay-books"));

        HttpResponse<String> created = api.postJson("/api/connections",
                "{\"connectorId\": \"acme-pay-books\", \"credentials\": {\"webhook_secret\": \"acme-secret-123\"}}", owner.auth());
        assertEquals(201, created.statusCode(), created.body());
        String url = Tenants.read(created.body()).at("/webhooks/0/url").asText();
        String id = Tenants.read(created.body()).get("id").asText();
        String body = "[{\"id\":\"ev_9\",\"type\":\"payment.paid\",\"payment\":\"pay_9\",\"amount\":1999,\"currency\":\"EUR\",\"customer\":\"Eve\"}]";

        HttpResponse<String> delivered = api.send(HttpRequest.newBuilder(URI.create(url))
                .header("Acme-Signature", hmac(body, "acme-secret-123")).POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(200, delivered.statusCode(), delivered.body());
        Eventually.within(Duration.ofSeconds(20), "pay_9 recorded", () ->
                api.get("/api/sync-records?connectionId=" + id, owner.auth()).body().contains("BK-pay_9"));
        assertTrue(api.get("/api/audit?correlationId=ev_9", owner.auth()).body().contains("19.99 EUR"));
    }

    @Test
    void theFreshBooksGoCardlessPluginShipsAndLoads() {
        Api api = new Api(server.getURL().toString());
        Tenants.SignedUp owner = new Tenants(api).signUp("Books Co");
        String connectors = api.get("/api/connectors", owner.auth()).body();
        assertTrue(connectors.contains("freshbooks-gocardless"), connectors);
        assertTrue(connectors.contains("FreshBooks ↔ GoCardless"), connectors);
    }

    @Test
    void theQuickBooksOnlineGoCardlessPluginLoadsAndVerifiesGoCardlessWebhooksAtItsConnectionsUrl() throws Exception {
        Api api = new Api(server.getURL().toString());
        Tenants.SignedUp owner = new Tenants(api).signUp("Online Books Co");
        assertTrue(api.get("/api/connectors", owner.auth()).body().contains("qbo-gocardless"));

        HttpResponse<String> created = api.postJson("/api/connections",
                "{\"connectorId\": \"qbo-gocardless\", \"credentials\": {\"access_token\": \"sandbox_abcdefgh12345\", "
                        + "\"webhook_secret\": \"gc-secret-123\"}}", owner.auth());
        assertEquals(201, created.statusCode(), created.body());
        String url = null;
        for (var hook : Tenants.read(created.body()).get("webhooks")) {
            if (hook.get("url").asText().endsWith("/gocardless")) {
                url = hook.get("url").asText();
            }
        }
        assertTrue(url != null, created.body());
        String body = "{\"events\":[],\"meta\":{\"webhook_id\":\"WB1\"}}";
        HttpResponse<String> forged = api.send(HttpRequest.newBuilder(URI.create(url))
                .header("Webhook-Signature", "00").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(498, forged.statusCode(), forged.body());
        HttpResponse<String> signed = api.send(HttpRequest.newBuilder(URI.create(url))
                .header("Webhook-Signature", hmac(body, "gc-secret-123")).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(204, signed.statusCode(), signed.body());
    }

    private static String hmac(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
