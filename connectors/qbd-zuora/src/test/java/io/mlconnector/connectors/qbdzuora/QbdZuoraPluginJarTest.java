package io.mlconnector.connectors.qbdzuora;

import io.mlconnector.api.Connector;
import io.mlconnector.api.ConnectorApi;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.systems.zuora.connector.ZuoraFields;
import io.mlconnector.testkit.context.InMemoryConnectorContext;
import io.mlconnector.testkit.zuora.FakeZuora;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The packaged plugin loads through PF4J with its own libraries and reads a callout's invoice from Zuora. */
class QbdZuoraPluginJarTest {

    @TempDir
    Path plugins;

    @Test
    void thePackagedPluginLoadsAndHandlesACallout() throws Exception {
        // Set by the plugin-jar-test execution, after packaging; a run choosing tests by name skips it in the test phase.
        Assumptions.assumeTrue(System.getProperty("plugin.jar") != null, "runs after packaging");
        Path jar = Path.of(System.getProperty("plugin.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals("qbd-zuora", file.getManifest().getMainAttributes().getValue("Plugin-Id"));
            assertNull(file.getEntry("io/mlconnector/api/Connector.class"), "the host's API is not bundled");
            assertNotNull(file.getEntry("META-INF/extensions.idx"));
            assertNotNull(file.getEntry("io/mlconnector/systems/zuora/ZuoraApi.class"));
        }
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        PluginManager manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion(ConnectorApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        try (FakeZuora zuora = FakeZuora.start()) {
            PluginWrapper plugin = manager.getPlugin("qbd-zuora");
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            List<Connector> connectors = manager.getExtensions(Connector.class, "qbd-zuora");
            assertEquals(1, connectors.size());
            Connector connector = connectors.get(0);
            assertNotSame(QbdZuoraConnector.class, connector.getClass());

            InMemoryConnectorContext ctx = InMemoryConnectorContext.builder().spec(connector.spec())
                    .credential(ZuoraFields.CLIENT_ID, zuora.clientId()).credential(ZuoraFields.CLIENT_SECRET, zuora.clientSecret())
                    .credential(ZuoraFields.HMAC_KEY, "k").baseUrl(ZuoraFields.SYSTEM, zuora.baseUrl())
                    .setting(Keys.DEFAULT_ITEM, "Subscriptions").build();
            String account = zuora.createAccount("Ada", "USD");
            ctx.ids().put(Keys.ACCOUNT_CUSTOMER, account, "80000001-1234567890");
            zuora.postInvoice(account, LocalDate.of(2026, 12, 1), List.of(FakeZuora.Line.of("Plan", 900)));
            String body = zuora.takeCallouts().get(0).body();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal((body + "\n").getBytes(StandardCharsets.UTF_8)));
            WebhookResult result = connector.receiveWebhook(new WebhookRequest(ZuoraFields.SYSTEM,
                    body.getBytes(StandardCharsets.UTF_8), Map.of("X-Zuora-Signature", List.of(signature)), List.of()), ctx);
            WebhookResult.Accepted accepted = assertInstanceOf(WebhookResult.Accepted.class, result);
            connector.handle(accepted.events().get(0), ctx);
            assertEquals(1, ctx.quickBooks().waiting().size(), "the invoice is looked for in QuickBooks");
        } finally {
            manager.stopPlugin("qbd-zuora");
            manager.unloadPlugin("qbd-zuora");
        }
    }
}
