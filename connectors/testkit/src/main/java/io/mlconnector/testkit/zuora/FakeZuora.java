package io.mlconnector.testkit.zuora;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Zuora tenant on 127.0.0.1 with in-memory state, speaking Zuora's REST wire format: the OAuth
 * client-credentials token endpoint (tokens valid one hour on the fake's clock), v1 account create
 * and update, Object Query reads and cursor-paged lists of accounts, invoices with items, payments
 * with their applications and refunds, 429 with {@code RateLimit-*} headers when told to throttle,
 * and 429 {@code REQUEST_EXCEEDED_LIMIT} whenever more requests are in flight than its concurrent
 * limit. Scenario methods post invoices, process, cancel and refund payments, and record the
 * callouts Zuora would send; {@link ZuoraCalloutSender} delivers them with each authentication option.
 *
 * <pre>{@code
 * try (FakeZuora zuora = FakeZuora.start()) {
 *     String account = zuora.createAccount("Ada Ltd", "USD");
 *     String invoice = zuora.postInvoice(account, LocalDate.now(), List.of(FakeZuora.Line.of("Pro plan", 4900)));
 *     String payment = zuora.processPayment(account, Map.of(invoice, 4900L));
 *     sender.sendAll(zuora.takeCallouts());
 * }
 * }</pre>
 * Amounts are in minor units of two-decimal currencies.
 */
public final class FakeZuora implements AutoCloseable {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /** One invoice line for {@link #postInvoice}. */
    public record Line(String chargeName, String productRatePlanChargeId, String sku, int quantity, long amountMinor) {
        public static Line of(String chargeName, long amountMinor) {
            return new Line(chargeName, "prpc-" + chargeName.toLowerCase().replaceAll("[^a-z0-9]+", "-"), null, 1, amountMinor);
        }
    }

    /** A request as the fake received it, for assertions on headers and paths. */
    public record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers, String body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase()));
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ZuoraStore store;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger maxConcurrentSeen = new AtomicInteger();
    private volatile int concurrentLimit = 200;
    private volatile long concurrencyRetryAfter = 120;
    private volatile String requiredEntity;
    private volatile Duration pause = Duration.ZERO;
    private final AtomicInteger throttles = new AtomicInteger();
    private volatile long throttleReset = 1;

    private FakeZuora(Clock clock) throws IOException {
        this.store = new ZuoraStore(json, clock);
        this.clientId = "fake-client-" + random(6);
        this.clientSecret = "fake-secret-" + random(16);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fake-zuora");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new ZuoraApiHandler(this, store, json));
        server.start();
    }

    public static FakeZuora start() {
        return start(Clock.systemUTC());
    }

    public static FakeZuora start(Clock clock) {
        try {
            return new FakeZuora(clock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the fake Zuora to 127.0.0.1", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // ---------------------------------------------------------------- connection facts

    public String baseUrl() {
        return baseUrl;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** Makes the tenant multi-entity: every API call must carry this {@code Zuora-Entity-Ids}. */
    public void requireEntity(String entityId) {
        this.requiredEntity = entityId;
    }

    public Instant now() {
        return store.now();
    }

    /** Moves the fake's clock: tokens lapse an hour after issue, updated dates move on. */
    public void advanceTime(Duration duration) {
        store.advance(duration);
    }

    /** Every token issued so far stops working, as after an hour. */
    public void expireTokens() {
        tokens.clear();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    // ---------------------------------------------------------------- limits

    /** The next {@code count} API calls answer 429 with {@code RateLimit-Reset} of {@code resetSeconds}. */
    public void throttleNext(int count, long resetSeconds) {
        throttles.set(count);
        throttleReset = resetSeconds;
    }

    /** Requests beyond {@code limit} in flight answer 429 REQUEST_EXCEEDED_LIMIT with this Retry-After. */
    public void concurrentLimit(int limit, long retryAfterSeconds) {
        this.concurrentLimit = limit;
        this.concurrencyRetryAfter = retryAfterSeconds;
    }

    /** Holds each API call this long, so concurrent callers overlap. */
    public void pauseEachRequest(Duration pause) {
        this.pause = pause;
    }

    /** The most API calls that were in flight at once. */
    public int maxConcurrentSeen() {
        return maxConcurrentSeen.get();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    // ---------------------------------------------------------------- scenario

    public String createAccount(String name, String currency) {
        ObjectNode in = json.createObjectNode();
        in.put("name", name);
        in.put("currency", currency);
        in.put("billCycleDay", 1);
        in.putObject("billToContact").put("firstName", name).put("lastName", "-");
        return store.createAccount(in).path("id").asText();
    }

    /** The account as the API returns it (id, accountNumber, name, currency, crmId, billTo…). */
    public Optional<ObjectNode> account(String key) {
        return store.find("accounts", key);
    }

    public List<ObjectNode> accounts() {
        return store.all("accounts");
    }

    public String postInvoice(String accountId, LocalDate invoiceDate, List<Line> lines) {
        return store.postInvoice(accountId, invoiceDate, 30, lines);
    }

    public Optional<ObjectNode> invoice(String key) {
        return store.find("invoices", key);
    }

    public void cancelInvoice(String invoiceId) {
        store.cancelInvoice(invoiceId);
    }

    /** A processed payment applied to invoices (invoice id → amount in minor units). */
    public String processPayment(String accountId, LocalDate effectiveDate, Map<String, Long> appliedMinor) {
        return store.processPayment(accountId, effectiveDate, appliedMinor);
    }

    public Optional<ObjectNode> payment(String key) {
        return store.find("payments", key);
    }

    public void cancelPayment(String paymentId) {
        store.cancelPayment(paymentId);
    }

    public String refundPayment(String paymentId, long amountMinor, LocalDate refundDate) {
        return store.refundPayment(paymentId, amountMinor, refundDate);
    }

    /** The callouts Zuora would have sent since the last call, oldest first. */
    public List<FakeZuoraCallout> takeCallouts() {
        return store.takeCallouts();
    }

    // ---------------------------------------------------------------- for the handler

    boolean clientMatches(String id, String secret) {
        return clientId.equals(id) && clientSecret.equals(secret);
    }

    String issueToken() {
        String token = random(20);
        tokens.put(token, store.now().plus(TOKEN_LIFETIME));
        tokensIssued.incrementAndGet();
        return token;
    }

    boolean tokenValid(String token) {
        Instant expires = tokens.get(token);
        return expires != null && store.now().isBefore(expires);
    }

    String requiredEntity() {
        return requiredEntity;
    }

    int concurrentLimit() {
        return concurrentLimit;
    }

    long concurrencyRetryAfterSeconds() {
        return concurrencyRetryAfter;
    }

    boolean throttleNow() {
        return throttles.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    long throttleResetSeconds() {
        return throttleReset;
    }

    void sawConcurrent(int now) {
        maxConcurrentSeen.accumulateAndGet(now, Math::max);
    }

    void record(Request request) {
        requests.add(request);
    }

    void pause() {
        Duration p = pause;
        if (!p.isZero()) {
            try {
                Thread.sleep(p.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
