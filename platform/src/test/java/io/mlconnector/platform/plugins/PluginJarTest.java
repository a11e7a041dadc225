package io.mlconnector.platform.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin goes from source to jar to handled event through real HTTP, and is unloaded again. */
@MicronautTest(transactional = false)
class PluginJarTest {

    private static final String SOURCE = """
            package com.example.hello;

            import io.mlconnector.api.Connector;
            import io.mlconnector.api.context.ConnectorContext;
            import io.mlconnector.api.spec.*;
            import io.mlconnector.api.webhook.*;
            import java.util.List;
            import org.pf4j.Extension;

            @Extension
            public class HelloConnector implements Connector {
                public ConnectorSpec spec() {
                    return new ConnectorSpec("hello-pair", "0.0.1", "Hello ↔ World", "Says hello.",
                            List.of(SystemSpec.of("hello", "Hello", CredentialField.secret("token", "Token", "Any value"))),
                            List.of(), List.of(new WebhookSource("hello", "Hello", "token", "Anywhere")), List.of());
                }
                public CheckResult check(ConnectorContext context) {
                    return CheckResult.of(CheckResult.ok("Hello", "Hello answered"));
                }
                public WebhookResult receiveWebhook(WebhookRequest request, ConnectorContext context) {
                    if (!request.secrets().contains(request.header("X-Token").orElse(""))) {
                        return WebhookResult.rejected(401, "Wrong token");
                    }
                    String id = request.bodyText().trim();
                    return WebhookResult.accepted(List.of(new InboundEvent("hello", id, "greeting", id, null, id)));
                }
                public void handle(InboundEvent event, ConnectorContext context) {
                    context.syncRecords().open("greeting", event.objectId(), "Hello " + event.objectId());
                    context.syncRecords().done("greeting", event.objectId(), "world-" + event.objectId());
                }
            }
            """;

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;

    @TempDir
    Path workDir;

    @Test
    void aPluginBuiltOnTheFlyIsLoadedReceivesAWebhookHandlesItAndIsUnloaded() throws Exception {
        Path jar = PluginJars.build(workDir, "hello-plugin", "0.0.1", "com.example.hello.HelloConnector", SOURCE);
        String pluginId = plugins.load(jar);
        Api api = new Api(server.getURL().toString());
        Tenants.SignedUp owner = new Tenants(api).signUp("Plugin Author Co");

        assertTrue(api.get("/api/connectors", owner.auth()).body().contains("hello-pair"));
        HttpResponse<String> created = api.postJson("/api/connections",
                "{\"connectorId\": \"hello-pair\", \"credentials\": {\"token\": \"s3cret-hello-token\"}}", owner.auth());
        assertEquals(201, created.statusCode(), created.body());
        String webhookUrl = Tenants.read(created.body()).at("/webhooks/0/url").asText();
        String connectionId = Tenants.read(created.body()).get("id").asText();

        HttpResponse<String> delivered = api.send(HttpRequest.newBuilder(URI.create(webhookUrl)).header("X-Token", "s3cret-hello-token")
                .POST(HttpRequest.BodyPublishers.ofString("G-1")));
        assertEquals(200, delivered.statusCode(), delivered.body());
        Eventually.within(Duration.ofSeconds(20), "greeting handled", () -> api.get(
                "/api/sync-records?connectionId=" + connectionId, owner.auth()).body().contains("world-G-1"));

        plugins.unload(pluginId);
        assertFalse(api.get("/api/connectors", owner.auth()).body().contains("hello-pair"));
        HttpResponse<String> afterUnload = api.send(HttpRequest.newBuilder(URI.create(webhookUrl)).header("X-Token", "s3cret-hello-token")
                .POST(HttpRequest.BodyPublishers.ofString("G-2")));
        assertEquals(503, afterUnload.statusCode(), "not acknowledged, so the sender keeps it and retries later");
    }

    @Test
    void aPluginWrittenForAnotherApiVersionIsRefusedAtLoad(@TempDir Path dir) throws Exception {
        Path jar = PluginJars.build(dir, "future-plugin", "9.0.0", "com.example.hello.HelloConnector", SOURCE, ">=2.0.0");
        try {
            plugins.load(jar);
            throw new AssertionError("a plugin requiring API 2.x must not start on API " + io.mlconnector.api.ConnectorApi.VERSION);
        } catch (RuntimeException expected) {
            assertTrue(plugins.all().stream().noneMatch(c -> c.pluginId().equals("future-plugin")));
        }
    }
}
