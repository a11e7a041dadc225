package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.Connector;
import io.mlconnector.api.ConnectorApi;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.qbd.QbInvoice;
import io.mlconnector.testkit.qbd.QbLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged plugin jar, loaded the way the platform loads it (PF4J, plugins folder, the API
 * version as the system version), does the work on a thread whose context class loader knows none
 * of the plugin's libraries, as on the platform's plugin-call threads. Runs after {@code package}.
 */
class QbdGoCardlessPluginJarTest {

    @TempDir
    Path plugins;

    @Test
    void thePackagedPluginLoadsThroughPf4jAndPostsAPayment() throws Exception {
        Path jar = Path.of(System.getProperty("plugin.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            assertEquals("qbd-gocardless", manifest.getMainAttributes().getValue("Plugin-Id"));
            assertEquals(">=1.1.0 & <2.0.0", manifest.getMainAttributes().getValue("Plugin-Requires"));
            assertTrue(file.getEntry("io/mlconnector/api/Connector.class") == null, "the host's API is not bundled");
            assertTrue(file.getEntry("org/pf4j/Plugin.class") == null, "PF4J is not bundled");
            assertNotNull(file.getEntry("META-INF/extensions.idx"));
        }
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        PluginManager manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion(ConnectorApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        try {
            PluginWrapper plugin = manager.getPlugin("qbd-gocardless");
            assertNotNull(plugin, "plugin loaded");
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            List<Connector> connectors = manager.getExtensions(Connector.class, "qbd-gocardless");
            assertEquals(1, connectors.size());
            Connector connector = connectors.get(0);
            assertSame(plugin.getPluginClassLoader(), connector.getClass().getClassLoader());
            assertNotSame(QbdGoCardlessConnector.class, connector.getClass());
            assertEquals("qbd-gocardless", connector.spec().id());

            withBareContextClassLoader(() -> postsOnePayment(connector));
        } finally {
            manager.stopPlugin("qbd-gocardless");
            manager.unloadPlugin("qbd-gocardless");
        }
    }

    private static void postsOnePayment(Connector connector) {
        try (Scenario s = Scenario.gbp(Map.of(), connector)) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            QbInvoice invoice = s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);

            s.deliverNewEvents();
            s.poll();

            assertEquals(List.of(invoice.txnId()), s.paymentFor(payment).appliedTo().stream().map(QbLink::txnId).toList());
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("payment", payment).orElseThrow().status());
            assertEquals("Ada Lovelace", s.ctx.pickLists().find("quickbooks-customers",
                    s.qbCustomer("Ada Lovelace").listId()).orElseThrow().label(), "the 1.1 context reaches the plugin");
        }
    }

    private static void withBareContextClassLoader(Runnable work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(bare);
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
