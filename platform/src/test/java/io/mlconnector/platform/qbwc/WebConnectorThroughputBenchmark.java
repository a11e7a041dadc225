package io.mlconnector.platform.qbwc;

import static io.mlconnector.platform.qbwc.QuickBooksFixtures.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.testkit.qbd.QbdFixture;
import io.mlconnector.testkit.qbd.RoundTrip;
import io.mlconnector.testkit.qbd.SessionOutcome;
import io.mlconnector.testkit.qbd.SessionResult;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Web Connector throughput: 10,000 queued ReceivePaymentAdd requests of one connection drained by
 * the Web Connector simulator over real HTTP. Reports SOAP round trips, wall time, and the CPU time
 * of the platform's threads per request (the simulator runs on the test thread and the JDK HTTP
 * client's threads, which are left out). Not part of the default test run:
 * {@code ./mvnw -pl platform verify -Dgroups=benchmark}. Figures go to stdout and to
 * {@code platform/target/benchmarks/web-connector-throughput.txt}.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
@Property(name = RecordingResponseHandler.ENABLED, value = "true")
class WebConnectorThroughputBenchmark {

    private static final int REQUESTS = 10_000;
    private static final int WARM_UP_REQUESTS = 2_000;

    @Inject
    EmbeddedServer server;
    @Inject
    QuickBooksFixtures fixtures;
    @Inject
    QuickBooksQueue queue;
    @Inject
    RecordingResponseHandler handler;

    @Test
    void tenThousandPaymentsThroughTheWebConnector() throws Exception {
        run(WARM_UP_REQUESTS, "warm-up");
        String report = run(REQUESTS, "measured");
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "web-connector-throughput.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private String run(int count, String label) {
        QuickBooksFixtures.Connected connected = fixtures.connected("Benchmark " + label);
        SimulatedCompanyFile quickBooks = SimulatedCompanyFile.create();
        quickBooks.addCustomer("Jane Doe");
        for (int from = 0; from < count; from += 1000) {
            List<QuickBooksRequest> chunk = IntStream.range(from, Math.min(count, from + 1000))
                    .mapToObj(i -> QuickBooksRequest.of(payment("Jane Doe", "1.00", "PM" + i), "payment.add", "PM" + i)).toList();
            queue.enqueueAll(connected.tenantId(), connected.connectionId(), chunk);
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = platformThreadCpu(threads);
        long processBefore = processCpuNanos();
        long simulatorBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();

        TimedHttpClient http = new TimedHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        SessionResult session = QbdFixture.of(quickBooks)
                .webConnector(URI.create(server.getURL() + "/qbwc"), connected.userName(), connected.password())
                .httpClient(http).build().runSession();

        long wallNanos = System.nanoTime() - start;
        long simulatorNanos = threads.getCurrentThreadCpuTime() - simulatorBefore;
        long processNanos = processCpuNanos() - processBefore;
        Map<Long, Long> after = platformThreadCpu(threads);
        long platformNanos = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            platformNanos += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }

        assertEquals(SessionOutcome.COMPLETED, session.outcome());
        assertEquals(count, quickBooks.payments().size());
        assertEquals(count, handler.responses(connected.connectionId()).size());
        List<RoundTrip> trips = session.transcript().roundTrips();
        double perTrip = (double) count / trips.size();
        assertTrue(perTrip >= 50, "requests per round trip: " + perTrip);

        return String.format(Locale.ROOT, """
                Web Connector throughput (%s run)
                  requests                     %d ReceivePaymentAdd, one connection, batch size 50
                  SOAP calls                   %d (%d sendRequestXML/receiveResponseXML round trips)
                  requests per round trip      %.1f
                  wall time                    %.2f s (simulator and in-memory QuickBooks included)
                  platform wall time           %.2f s = %.3f ms per request (time the Web Connector waited for answers)
                  platform CPU                 %.2f s = %.3f ms per request (server threads)
                  simulator CPU                %.2f s (test thread)
                  whole JVM CPU                %.2f s = %.3f ms per request (upper bound: simulator, HTTP client, GC, JIT)
                """, label, count, session.transcript().exchanges().size(), trips.size(), perTrip, wallNanos / 1e9,
                http.waitedNanos() / 1e9, http.waitedNanos() / 1e6 / count,
                platformNanos / 1e9, platformNanos / 1e6 / count, simulatorNanos / 1e9, processNanos / 1e9, processNanos / 1e6 / count);
    }

    /** CPU time of every live thread that serves the platform: all but the test thread and the JDK HTTP client's. */
    private static Map<Long, Long> platformThreadCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        long self = Thread.currentThread().getId();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || info.getThreadId() == self || info.getThreadName().startsWith("HttpClient-")) {
                continue;
            }
            long time = threads.getThreadCpuTime(info.getThreadId());
            if (time >= 0) {
                cpu.put(info.getThreadId(), time);
            }
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
