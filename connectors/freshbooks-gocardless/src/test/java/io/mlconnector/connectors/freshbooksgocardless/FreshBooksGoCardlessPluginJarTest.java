package io.mlconnector.connectors.freshbooksgocardless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlconnector.api.Connector;
import io.mlconnector.api.ConnectorApi;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.testkit.context.InMemoryConnectorContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/** The packaged plugin jar loads through PF4J as the platform loads it and checks a FreshBooks signature. */
class FreshBooksGoCardlessPluginJarTest {

    @TempDir
    Path plugins;

    @Test
    void thePackagedPluginLoadsAndRefusesAnUnsignedDelivery() throws Exception {
        Path jar = Path.of(System.getProperty("plugin.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals("freshbooks-gocardless", file.getManifest().getMainAttributes().getValue("Plugin-Id"));
            assertTrue(file.getEntry("io/mlconnector/api/Connector.class") == null, "the host's API is not bundled");
            assertNotNull(file.getEntry("io/mlconnector/systems/freshbooks/FreshBooksApi.class"));
            assertNotNull(file.getEntry("META-INF/extensions.idx"));
        }
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        PluginManager manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion(ConnectorApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        try {
            assertEquals(PluginState.STARTED, manager.getPlugin("freshbooks-gocardless").getPluginState());
            List<Connector> connectors = manager.getExtensions(Connector.class, "freshbooks-gocardless");
            assertEquals(1, connectors.size());
            Connector connector = connectors.get(0);
            assertEquals("freshbooks-gocardless", connector.spec().id());
            byte[] body = "name=invoice.create&object_id=1&account_id=A".getBytes(StandardCharsets.UTF_8);
            WebhookResult result = connector.receiveWebhook(new WebhookRequest("freshbooks", body,
                    Map.of("X-FreshBooks-Hmac-SHA256", List.of("AAAA")), List.of("some-verifier")),
                    InMemoryConnectorContext.builder().build());
            assertEquals(401, assertInstanceOf(WebhookResult.Rejected.class, result).status());
        } finally {
            manager.stopPlugin("freshbooks-gocardless");
            manager.unloadPlugin("freshbooks-gocardless");
        }
    }
}
