package io.mlconnector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.mlconnector.api.money.Money;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import io.mlconnector.testkit.gocardless.FakeGoCardlessEvent;
import io.mlconnector.testkit.gocardless.WebhookDelivery;
import io.mlconnector.testkit.qbd.QbInvoice;
import io.mlconnector.testkit.qbd.QbPayment;
import io.mlconnector.testkit.qbd.SessionOutcome;
import io.mlconnector.testkit.qbd.SessionResult;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How long 1,000 GoCardless collections take from webhook to posted in QuickBooks, through the
 * real platform: the packaged plugin, PostgreSQL, the GoCardless fake and the Web Connector
 * simulator over HTTP. Not part of the default run:
 * {@code ./mvnw -pl server verify -Dgroups=benchmark}; figures go to stdout and to
 * {@code server/target/benchmarks/qbd-gocardless-payments.txt}.
 *
 * <p>Before the clock starts, as on the days before a collection run: 1,000 customers with an open
 * invoice each in QuickBooks, their mandates active in GoCardless and delivered (each customer
 * looked up in QuickBooks once, also timed and reported), their payments created and submitted.
 * Measured: GoCardless confirms all 1,000; the confirmations arrive in webhooks of 250 events; the
 * Web Connector runs session after session (no wait between sessions) until the simulated company
 * file holds all 1,000 payments. Each payment's confirmation makes the connector read the payment
 * from GoCardless once, so GoCardless's limit of 1,000 requests a minute (enforced by the fake)
 * shapes the figure; a second run with the limit lifted shows the platform and connector alone. A
 * smaller run on another connection warms the JVM up first. Production job settings, not the
 * tests' fast ones.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QbdGoCardlessPaymentsBenchmark implements TestPropertyProvider {

    private static final int PAYMENTS = Integer.getInteger("benchmark.payments", 1000);
    private static final int WARM_UP_PAYMENTS = Integer.getInteger("benchmark.warm-up-payments", 100);
    private static final Duration LIMIT = Duration.ofMinutes(30);
    /** GoCardless allows 1,000 requests a minute per account; the fake enforces the same. */
    private static final int GOCARDLESS_REQUESTS_PER_MINUTE = 1000;
    private static final int LIFTED = 1_000_000;

    private final FakeGoCardless gc = FakeGoCardless.start();

    @Inject
    EmbeddedServer server;
    @Inject
    Sql sql;
    @Inject
    TenantTransactions transactions;

    /** The job settings the server runs with, not the tests' fast ones: a rate limit must be waited out, as in production. */
    @Override
    public Map<String, String> getProperties() {
        return Map.of("ml.systems.gocardless.base-url", gc.baseUrl(),
                "ml.jobs.polling-interval", "2s",
                "ml.jobs.heartbeat-interval", "30s",
                "ml.jobs.sweep-interval", "15s",
                "ml.jobs.first-retry-delay", "10s",
                "ml.jobs.max-retry-delay", "1h",
                "ml.jobs.max-attempts", "8");
    }

    @AfterAll
    void stopGoCardless() {
        gc.close();
    }

    @Test
    void paymentsFromWebhookToPostedInQuickBooks() throws Exception {
        Tenants.SignedUp company = new Tenants(new Api(server.getURL().toString())).signUp("Benchmark Subscriptions Ltd");
        run(company, WARM_UP_PAYMENTS, "warm-up", LIFTED);
        String report = run(company, PAYMENTS, "measured", GOCARDLESS_REQUESTS_PER_MINUTE)
                + run(company, PAYMENTS, "limit-lifted", LIFTED);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "qbd-gocardless-payments.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** One connection's run; {@code requestsPerMinute} is the GoCardless rate limit during the collection run. */
    private String run(Tenants.SignedUp company, int count, String label, int requestsPerMinute) {
        SimulatedCompanyFile books = CompanyFiles.inPounds("Benchmark " + label + " Ltd");
        QbdGoCardlessConnection connection = QbdGoCardlessConnection.create(server.getURL().toString(), company,
                "Benchmark " + label, gc, books, Map.of());
        gc.takeNewEvents();
        List<String> payments = new ArrayList<>(count);
        List<QbInvoice> invoices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = String.format(Locale.ROOT, "Subscriber %04d %s", i, label);
            String email = String.format(Locale.ROOT, "subscriber%04d.%s@example.com", i, label);
            long pence = 1000 + (i % 97) * 25L;
            books.addCustomer(name, email);
            invoices.add(books.addOpenInvoice(name, String.format(Locale.ROOT, "S%05d", i), Money.ofMinor(pence, "GBP").toDecimalString()));
            CustomerWithMandate customer = gc.createCustomerWithActiveMandate(
                    CustomerDetails.person("Subscriber", String.format(Locale.ROOT, "%04d %s", i, label), email));
            String payment = gc.createPayment(customer.mandateId(), pence, "GBP");
            gc.submitPayment(payment);
            payments.add(payment);
        }

        // The days before: mandates become active and each customer is looked up in QuickBooks once.
        gc.setRateLimit(requestsPerMinute, Duration.ofMinutes(1));
        long matchingStart = System.nanoTime();
        connection.send(gc.takeNewEvents());
        runSessions(connection, () -> customersMatched(connection.id()) == count && connection.pendingRequests() == 0);
        double matchingSeconds = seconds(System.nanoTime() - matchingStart);
        int matchingSessions = connection.sessions().size();

        // The collection run, on a later day with the rate limit's minute fresh: every payment confirmed,
        // GoCardless posts the events in webhooks of 250.
        gc.setRateLimit(requestsPerMinute, Duration.ofMinutes(1));
        payments.forEach(gc::confirmPayment);
        List<FakeGoCardlessEvent> confirmations = gc.takeNewEvents();
        int gcRequestsBefore = gc.requests().size();
        long start = System.nanoTime();
        List<WebhookDelivery> webhooks = connection.send(confirmations);
        long webhooksSent = System.nanoTime();
        runSessions(connection, () -> books.payments().size() >= count);
        long allPosted = System.nanoTime();
        int gcRequests = gc.requests().size() - gcRequestsBefore;

        assertEquals(count, books.payments().size(), "every payment once in the books");
        Set<String> refs = new HashSet<>();
        for (QbPayment payment : books.payments()) {
            assertTrue(refs.add(payment.refNumber()), "posted twice: " + payment.refNumber());
            assertEquals(1, payment.appliedTo().size(), "applied to its invoice: " + payment.refNumber());
        }
        assertTrue(invoices.stream().allMatch(i -> books.invoice(i.txnId()).orElseThrow().paid()), "every invoice paid");
        assertEquals(Set.copyOf(payments), refs);

        List<SessionResult> sessions = connection.sessions().subList(matchingSessions, connection.sessions().size());
        int working = 0;
        int roundTrips = 0;
        int requests = 0;
        for (SessionResult session : sessions) {
            if (session.outcome() == SessionOutcome.COMPLETED) {
                working++;
            }
            roundTrips += session.transcript().roundTrips().size();
            requests += session.transcript().requestsPerRoundTrip().stream().mapToInt(Integer::intValue).sum();
        }
        double total = seconds(allPosted - start);
        List<Double> latency = latencies(connection.id());
        return String.format(Locale.ROOT, """
                        QuickBooks Desktop <-> GoCardless: %d payments from webhook to posted (%s, GoCardless rate limit %s)
                          customers looked up beforehand:  %d in %.1f s over %d Web Connector sessions
                          webhooks:                        %d POSTs of up to 250 events, %.2f s
                          webhook to all posted:           %.1f s (%.1f payments/s)
                          GoCardless API calls:            %d (refused ones included)
                          Web Connector sessions:          %d (%d with work), %d SOAP round trips, %d qbXML requests (%.1f per payment)
                          per payment, event received to recorded as posted: median %.1f s, 95th percentile %.1f s, max %.1f s
                        """,
                count, label, requestsPerMinute == LIFTED ? "lifted" : requestsPerMinute + " requests/min", count, matchingSeconds, matchingSessions, webhooks.size(), seconds(webhooksSent - start), total,
                count / total, gcRequests, sessions.size(), working, roundTrips, requests, requests / (double) count,
                latency.get(0), latency.get(1), latency.get(2));
    }

    /** Web Connector sessions back to back until done; a short pause when it was told there is nothing to do. */
    private static void runSessions(QbdGoCardlessConnection connection, BooleanSupplier done) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not done after " + LIMIT);
            }
            SessionResult session = connection.runWebConnector();
            if (session.outcome() == SessionOutcome.NOTHING_TO_DO) {
                pause();
            } else if (session.outcome() != SessionOutcome.COMPLETED) {
                throw new AssertionError("Web Connector session ended " + session.outcome() + ":\n" + session.transcript().format());
            }
        }
    }

    private long customersMatched(UUID connectionId) {
        return transactions.system(() -> sql.one("SELECT count(*) FROM id_mappings WHERE connection_id = ? AND kind = 'customer'",
                row -> row.getLong(1), connectionId).orElseThrow());
    }

    /** Median, 95th percentile and maximum seconds from a payment's confirmation stored to its QuickBooks TxnID recorded. */
    private List<Double> latencies(UUID connectionId) {
        return transactions.system(() -> sql.one("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s), percentile_cont(0.95) WITHIN GROUP (ORDER BY s), max(s)
                FROM (SELECT extract(epoch FROM posted.occurred_at - received.occurred_at) AS s
                      FROM audit_log posted
                      JOIN audit_log received ON received.connection_id = posted.connection_id
                       AND received.step = 'event.received' AND received.message = 'payments.confirmed'
                       AND received.source_id = posted.correlation_id
                      WHERE posted.connection_id = ? AND posted.step = 'payment.posted') AS t
                """, row -> List.of(row.getDouble(1), row.getDouble(2), row.getDouble(3)), connectionId).orElseThrow());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
