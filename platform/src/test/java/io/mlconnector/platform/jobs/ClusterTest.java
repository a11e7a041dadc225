package io.mlconnector.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.TestConnector;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two platform instances against one database share the work and never run an item twice. */
@MicronautTest(transactional = false)
class ClusterTest {

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;
    @Inject
    TenantTransactions transactions;
    @Inject
    Sql sql;
    @Inject
    InstanceName firstName;

    EmbeddedServer second;

    @BeforeEach
    void startASecondInstance() {
        // Started the way the server starts, so it reads the same database and keys from the environment.
        ApplicationContext context = Micronaut.build(new String[0]).environments("test").banner(false)
                .properties(Map.of("ml.jobs.instance-name", "second-instance")).start();
        second = context.getBean(EmbeddedServer.class);
        second.getApplicationContext().getBean(PluginHost.class).register(new TestConnector());
    }

    @AfterEach
    void stopIt() {
        second.getApplicationContext().close();
    }

    @Test
    void bothInstancesTakeWorkAndEveryEventIsHandledExactlyOnce() {
        Runtime firstRuntime = new Runtime(new Api(server.getURL().toString()), plugins);
        Runtime.TestConnection connection = firstRuntime.connection("Cluster Co");
        String secondUrl = connection.webhookUrl().replace(server.getURL().toString(), second.getURL().toString());
        List<String> objects = new ArrayList<>();
        for (int batch = 0; batch < 20; batch++) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String object = "PC" + batch + "-" + i;
                objects.add(object);
                parts.addAll(List.of("EV-" + object, "slow", object));
            }
            String body = TestConnector.body(parts.toArray(String[]::new));
            String url = batch % 2 == 0 ? connection.webhookUrl() : secondUrl;
            assertEquals(200, firstRuntime.send(url, body, TestConnector.sign(body.getBytes(), Runtime.SECRET)).statusCode());
        }

        Eventually.within(Duration.ofSeconds(60), "all 200 handled", () -> handledCount(connection) == 200);

        for (String object : objects) {
            assertEquals(1, TestConnector.HANDLED.get("EV-" + object).get(), "handled once: " + object);
            assertEquals(1, TestConnector.POSTED.get(object).get(), "posted once: " + object);
        }
        List<String> instances = transactions.system(() -> sql.list(
                "SELECT DISTINCT handled_by FROM inbox_events WHERE connection_id = ?", row -> row.getString(1), connection.id()));
        assertTrue(instances.contains(firstName.name()) && instances.contains("second-instance"), "both took work: " + instances);
    }

    @Test
    void anItemHeldByAnInstanceThatDiedRunsAgainElsewhereAndPostsOnce() {
        Runtime runtime = new Runtime(new Api(server.getURL().toString()), plugins);
        Runtime.TestConnection connection = runtime.connection("Crash Co");
        new Api(server.getURL().toString()).postJson("/api/connections/" + connection.id() + "/pause", "", connection.owner().auth());
        runtime.send(connection, TestConnector.body("EV-DEAD", "ok", "PDEAD"));
        long eventId = transactions.system(() -> sql.one("SELECT id FROM inbox_events WHERE connection_id = ?",
                row -> row.getLong(1), connection.id()).orElseThrow());
        // What a killed instance leaves behind: it had picked the job and posted the payment, then
        // stopped heart-beating before it could record that the event was done.
        transactions.system(() -> sql.update("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, "
                + "last_heartbeat, version) VALUES ('inbox-event', ?, now() - interval '1 hour', true, 'killed-instance', "
                + "now() - interval '1 hour', 1)", Long.toString(eventId)));
        transactions.write(connection.owner().tenantId(), () -> sql.update(
                "INSERT INTO id_mappings (tenant_id, connection_id, kind, source_id, target_id) VALUES (?, ?, 'payment', 'PDEAD', 'T-PDEAD')",
                connection.owner().tenantId(), connection.id()));
        TestConnector.POSTED.put("PDEAD", new AtomicInteger(1));
        new Api(server.getURL().toString()).postJson("/api/connections/" + connection.id() + "/resume", "", connection.owner().auth());

        Eventually.within(Duration.ofSeconds(30), "the dead execution revived and handled",
                () -> runtime.status(connection, "PDEAD").equals("DONE"));
        assertEquals(1, TestConnector.HANDLED.get("EV-DEAD").get());
        assertEquals(1, TestConnector.POSTED.get("PDEAD").get(), "the payment is in the books once");
    }

    private long handledCount(Runtime.TestConnection connection) {
        return transactions.system(() -> sql.one("SELECT count(*) FROM inbox_events WHERE connection_id = ? AND status = 'DONE'",
                row -> row.getLong(1), connection.id()).orElseThrow());
    }
}
