package io.mlconnector.platform.benchmarks;

import io.micronaut.context.annotation.Property;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Webhook ingestion over loopback: signed requests verified by the connector and durably stored in
 * the inbox, against a plain batched INSERT of the same rows into the same PostgreSQL. Processing is
 * paused (the connection is paused) so only ingestion is measured. Not a test: run it with
 * {@code ./mvnw -pl platform -am verify -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the figures it prints.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
// One loopback sender offers far more than a real one; the flood limit is not what is measured.
@Property(name = "ml.webhooks.rate-limit.per-second", value = "1000000")
@Property(name = "ml.webhooks.rate-limit.burst", value = "1000000")
class WebhookIngestionBenchmark {

    private static final int BATCH = 250;

    @Inject
    EmbeddedServer server;
    @Inject
    PluginHost plugins;
    @Inject
    TenantTransactions transactions;
    @Inject
    Sql sql;

    @Test
    void ingestion() throws Exception {
        Api api = new Api(server.getURL().toString());
        Runtime runtime = new Runtime(api, plugins);
        Runtime.TestConnection connection = runtime.connection("Benchmark Co");
        api.postJson("/api/connections/" + connection.id() + "/pause", "", connection.owner().auth());
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();

        batched(http, connection, "warm", 20, 4);
        double batchedRate = batched(http, connection, "run", 120, 4);
        singles(http, connection, "warm", 200, 10);
        double[] single = singles(http, connection, "run", 200, 30);
        double insertRate = plainInsert(connection, 120);

        System.out.printf(Locale.ROOT, "%nWEBHOOK INGESTION (2 cores, loopback, embedded PostgreSQL)%n");
        System.out.printf(Locale.ROOT, "batched, %d events per signed request, 4 senders: %.0f events/s stored%n", BATCH, batchedRate);
        System.out.printf(Locale.ROOT, "plain batched INSERT of the same rows: %.0f rows/s%n", insertRate);
        System.out.printf(Locale.ROOT, "ingestion as a fraction of the plain INSERT: %.2f%n", batchedRate / insertRate);
        System.out.printf(Locale.ROOT, "single-event requests at %.0f req/s offered for 30 s after 10 s of warm-up: achieved %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %.0f%n",
                200.0, single[0], single[1], single[2], single[3], single[4]);
    }

    private double batched(HttpClient http, Runtime.TestConnection connection, String prefix, int requests, int senders) throws Exception {
        List<HttpRequest> prepared = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            String[] parts = new String[BATCH * 3];
            for (int i = 0; i < BATCH; i++) {
                String id = prefix + "-" + r + "-" + i;
                parts[i * 3] = "EV-" + id;
                parts[i * 3 + 1] = "ok";
                parts[i * 3 + 2] = "P-" + id;
            }
            prepared.add(signed(connection, TestConnector.body(parts)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            workers.add(CompletableFuture.runAsync(() -> {
                for (int i = next.getAndIncrement(); i < prepared.size(); i = next.getAndIncrement()) {
                    HttpResponse<String> response = send(http, prepared.get(i));
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return requests * BATCH / seconds;
    }

    /** Open-loop: requests leave on a fixed schedule whatever the answers' latency. */
    private double[] singles(HttpClient http, Runtime.TestConnection connection, String prefix, int perSecond, int seconds) throws Exception {
        int total = perSecond * seconds;
        List<HttpRequest> prepared = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            prepared.add(signed(connection, TestConnector.body("EV-single-" + prefix + i, "ok", "P-single-" + prefix + i)));
        }
        double[] latencies = new double[total];
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            long sent = System.nanoTime();
            inFlight.add(http.sendAsync(prepared.get(i), HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                latencies[index] = (System.nanoTime() - sent) / 1e6;
                if (response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        for (int window = 0; window < seconds; window += 5) {
            double[] part = Arrays.copyOfRange(latencies, window * perSecond, Math.min(total, (window + 5) * perSecond));
            Arrays.sort(part);
            System.out.printf(Locale.ROOT, "  %s %2d-%2d s: p50 %.1f ms, p99 %.1f ms%n", prefix, window, window + 5,
                    part[part.length / 2], part[(int) (part.length * 0.99)]);
        }
        Arrays.sort(latencies);
        return new double[] {total / elapsed, latencies[total / 2], latencies[(int) (total * 0.99)], latencies[total - 1], errors.get()};
    }

    /** The same rows the inbox stores, written by a plain multi-row INSERT in batches of 250. */
    private double plainInsert(Runtime.TestConnection connection, int batches) {
        transactions.system(() -> sql.update("CREATE TABLE IF NOT EXISTS bench_plain_insert (LIKE inbox_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"));
        transactions.system(() -> sql.update("TRUNCATE bench_plain_insert"));
        UUID tenant = connection.owner().tenantId();
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            StringBuilder statement = new StringBuilder("INSERT INTO bench_plain_insert (tenant_id, connection_id, source, external_id, event_type, object_id, payload) VALUES ");
            List<Object> parameters = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                String id = "plain-" + b + "-" + i;
                statement.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
                parameters.addAll(List.of(tenant, connection.id(), "test-pay", "EV-" + id, "ok", "P-" + id,
                        "{\"id\":\"EV-" + id + "\",\"type\":\"ok\",\"object\":\"P-" + id + "\"}"));
            }
            transactions.system(() -> sql.update(statement.toString(), parameters.toArray()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        transactions.system(() -> sql.update("DROP TABLE bench_plain_insert"));
        return batches * BATCH / seconds;
    }

    private static HttpRequest signed(Runtime.TestConnection connection, String body) {
        return HttpRequest.newBuilder(URI.create(connection.webhookUrl()))
                .header("Content-Type", "application/json")
                .header("X-Test-Signature", TestConnector.sign(body.getBytes(), Runtime.SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
