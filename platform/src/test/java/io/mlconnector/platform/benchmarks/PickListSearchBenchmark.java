package io.mlconnector.platform.benchmarks;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.api.context.Choice;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.sync.PickListStore;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.platform.testing.TestConnector;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A person searching a large QuickBooks customer list while resolving a held payment: 20,000
 * entries in one connection's pick list, searched through the HTTP API by fragments of names and
 * e-mails. Not a test: run it with
 * {@code ./mvnw -pl migrations,platform verify -Dgroups=benchmark -Dtest=PickListSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the figures it prints.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class PickListSearchBenchmark {

    private static final int ENTRIES = 20_000;
    private static final int SEARCHES = 1_000;
    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Barbara", "Edsger", "Donald", "Frances", "John", "Margaret", "Ken"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Liskov", "Dijkstra", "Knuth", "Allen", "Backus", "Hamilton", "Thompson"};

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;
    @Inject
    TenantTransactions transactions;
    @Inject
    PickListStore pickLists;
    @Inject
    io.mlconnector.platform.database.Sql sql;

    @Test
    void search() {
        Api api = new Api(server.getURL().toString());
        Runtime runtime = new Runtime(api, plugins);
        Runtime.TestConnection connection = runtime.connection("Big Books Co");
        runtime.send(connection, TestConnector.body("EV-BIG", "question", "P-BIG"));
        Eventually.within(Duration.ofSeconds(20), "held", () -> runtime.status(connection, "P-BIG").equals("NEEDS_ATTENTION"));
        String recordId = runtime.record(connection, "P-BIG").at("/record/id").asText();

        Random random = new Random(42);
        List<Choice> entries = new ArrayList<>(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + " " + i;
            entries.add(new Choice("8000" + Integer.toHexString(i) + "-1705309200", name,
                    name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com"));
        }
        long started = System.nanoTime();
        for (int from = 0; from < ENTRIES; from += 1_000) {
            List<Choice> page = entries.subList(from, Math.min(ENTRIES, from + 1_000));
            transactions.write(connection.owner().tenantId(), () -> pickLists.put(connection.owner().tenantId(), connection.id(),
                    TestConnector.CUSTOMERS, page));
        }
        double stored = ENTRIES / ((System.nanoTime() - started) / 1e9);
        // What autovacuum does shortly after a bulk change: fresh statistics for the planner.
        transactions.system(() -> sql.update("ANALYZE pick_list_entries"));

        String[] auth = connection.owner().auth();
        String[] queries = {"hopper", "ada.love", "1234", "@example", "knuth 19", "zzz-nothing"};
        for (int i = 0; i < 100; i++) {
            api.get("/api/sync-records/" + recordId + "/choices?q=" + URLEncoder.encode(queries[i % queries.length], StandardCharsets.UTF_8), auth);
        }
        double[] millis = new double[SEARCHES];
        double[][] byQuery = new double[queries.length][SEARCHES / queries.length + 1];
        for (int i = 0; i < SEARCHES; i++) {
            String q = URLEncoder.encode(queries[i % queries.length], StandardCharsets.UTF_8);
            long t = System.nanoTime();
            int status = api.get("/api/sync-records/" + recordId + "/choices?q=" + q + "&limit=20", auth).statusCode();
            millis[i] = (System.nanoTime() - t) / 1e6;
            byQuery[i % queries.length][i / queries.length] = millis[i];
            if (status != 200) {
                throw new AssertionError("search answered " + status);
            }
        }
        Arrays.sort(millis);
        double[] plain = new double[200];
        for (int i = 0; i < plain.length; i++) {
            long t = System.nanoTime();
            api.get("/api/connections/" + connection.id(), auth);
            plain[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(plain);
        StringBuilder perQuery = new StringBuilder();
        for (int k = 0; k < queries.length; k++) {
            double[] times = Arrays.copyOf(byQuery[k], SEARCHES / queries.length);
            Arrays.sort(times);
            perQuery.append(String.format(Locale.ROOT, "  \"%s\": p50 %.1f ms%n", queries[k], times[times.length / 2]));
        }
        int size = Tenants.read(api.get("/api/sync-records/" + recordId + "/choices?q=hopper", auth).body()).get("listSize").asInt();
        System.out.printf(Locale.ROOT, "%nPICK LIST SEARCH (2 cores, loopback, embedded PostgreSQL)%n");
        System.out.printf(Locale.ROOT, "%d entries stored at %.0f entries/s (pages of 1,000); list size reported %d%n", ENTRIES, stored, size);
        System.out.printf(Locale.ROOT, "%d searches through GET /api/sync-records/{id}/choices: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                SEARCHES, millis[SEARCHES / 2], millis[(int) (SEARCHES * 0.99)], millis[SEARCHES - 1]);
        System.out.print(perQuery);
        System.out.printf(Locale.ROOT, "for comparison, GET /api/connections/{id}: p50 %.1f ms%n", plain[plain.length / 2]);
        java.util.UUID tenant = connection.owner().tenantId();
        for (String q : new String[] {"hopper", "zzz-nothing", "@example"}) {
            double[] t1 = new double[100];
            for (int i = 0; i < t1.length; i++) {
                long t = System.nanoTime();
                transactions.read(tenant, () -> pickLists.search(connection.id(), TestConnector.CUSTOMERS, q, 20));
                t1[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(t1);
            System.out.printf(Locale.ROOT, "  the database part, search \"%s\": p50 %.1f ms%n", q, t1[50]);
        }
        double[] t2 = new double[100];
        for (int i = 0; i < t2.length; i++) {
            long t = System.nanoTime();
            transactions.read(tenant, () -> pickLists.size(connection.id(), TestConnector.CUSTOMERS));
            t2[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(t2);
        System.out.printf(Locale.ROOT, "  the database part, list size: p50 %.1f ms%n", t2[50]);
    }
}
