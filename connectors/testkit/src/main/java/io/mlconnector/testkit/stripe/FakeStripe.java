package io.mlconnector.testkit.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.mlconnector.testkit.gocardless.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A Stripe API on 127.0.0.1 with in-memory state, close enough to the real wire format that the
 * official stripe-java client works against it unchanged (give it {@link #apiBase()} as its API base
 * and one of the fake's keys).
 *
 * <p>It serves the account, customers, payment intents, charges, refunds, disputes, invoices (with
 * invoice items and invoice payments), payouts, balance transactions and events; pages every list
 * with {@code limit}/{@code starting_after}/{@code ending_before}; honours {@code Idempotency-Key};
 * tells test from live keys and refuses restricted keys what their permissions do not allow; and can
 * be told to answer 429 (with or without {@code Stripe-Should-Retry}) or 5xx. Scenario methods move
 * money as Stripe would and record the events it would send; {@link StripeEventSender} delivers them
 * signed.
 *
 * <pre>{@code
 * try (FakeStripe stripe = FakeStripe.start()) {
 *     String cus = stripe.customer("Ada Lovelace", "ada@example.com");
 *     String pi = stripe.succeedPayment(cus, 2500, "usd", Map.of());
 *     String po = stripe.payout("usd");
 *     new StripeEventSender("whsec_…").send(receiverUrl, stripe.takeNewEvents());
 * }
 * }</pre>
 */
public final class FakeStripe implements AutoCloseable {

    /** The API version stamped on the fake's events and answers. */
    public static final String API_VERSION = "2026-03-25.dahlia";

    private final ObjectMapper json = new ObjectMapper();
    private final StripeStore store;
    private final StripeObjects objects;
    private final StripeFaults faults = new StripeFaults();
    private final StripeKeys keys = new StripeKeys();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;
    private final ExecutorService executor;
    private final String apiBase;

    private FakeStripe(Clock clock) throws IOException {
        this.store = new StripeStore(json, clock);
        this.objects = new StripeObjects(store);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.apiBase = "http://127.0.0.1:" + server.getAddress().getPort();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-stripe");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new StripeApiHandler(store, objects, faults, keys, clock, requests));
        server.start();
    }

    public static FakeStripe start() {
        return start(Clock.systemUTC());
    }

    public static FakeStripe start(Clock clock) {
        try {
            return new FakeStripe(clock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the fake Stripe to 127.0.0.1", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The base to give stripe-java ({@code StripeClient.builder().setApiBase(...)}); paths start with /v1. */
    public String apiBase() {
        return apiBase;
    }

    public String testSecretKey() {
        return keys.testSecret;
    }

    public String liveSecretKey() {
        return keys.liveSecret;
    }

    /** A test-mode restricted key with exactly these permissions, e.g. {@code rak_charge_read}. */
    public String restrictedTestKey(String... permissions) {
        return keys.restricted(false, Set.of(permissions));
    }

    /** From now on the key is unknown to the fake (401), as after rolling it in the dashboard. */
    public void revokeKey(String key) {
        keys.revoke(key);
    }

    public String accountId() {
        return StripeKeys.ACCOUNT_ID;
    }

    public String accountName() {
        return StripeKeys.ACCOUNT_NAME;
    }

    // ------------------------------------------------------------------ faults

    /** The next {@code count} requests get 429; {@code shouldRetryHeader} null sends no Stripe-Should-Retry. */
    public void throttleNext(int count, Boolean shouldRetryHeader) {
        faults.throttleNext(count, shouldRetryHeader);
    }

    /** The next {@code count} requests get this 5xx. */
    public void failNext(int count, int status) {
        faults.failNext(count, status);
    }

    /** At most this many requests per second are served; the rest get 429 without Stripe-Should-Retry. */
    public void rateLimit(int requestsPerSecond) {
        faults.rateLimit(requestsPerSecond);
    }

    /** How many 429 and 5xx answers the fake gave so far. */
    public int faultsAnswered() {
        return faults.faultsAnswered();
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    // ------------------------------------------------------------------ scenarios

    public String customer(String name, String email) {
        ObjectNode params = json.createObjectNode();
        params.put("name", name);
        params.put("email", email);
        return scenario(() -> objects.createCustomer(params)).get("id").asText();
    }

    /** A card payment that succeeded, with Stripe's usual fee (2.9 % + 30 minor units); returns the payment intent. */
    public String succeedPayment(String customerId, long amount, String currency, Map<String, String> metadata) {
        return succeedPayment(customerId, amount, currency, standardFee(amount), metadata);
    }

    public String succeedPayment(String customerId, long amount, String currency, long fee,
                                 Map<String, String> metadata) {
        return scenario(() -> objects.succeedPayment(customerId, amount, currency, fee, metadata, null))
                .get("id").asText();
    }

    /** The charge of a payment intent. */
    public String chargeOf(String paymentIntentId) {
        return scenario(() -> store.get("payment_intent", paymentIntentId)).get("latest_charge").asText();
    }

    public String refund(String chargeId, long amount) {
        return scenario(() -> objects.refund(chargeId, amount)).get("id").asText();
    }

    public String dispute(String chargeId, String reason) {
        return scenario(() -> objects.dispute(chargeId, reason)).get("id").asText();
    }

    public void closeDispute(String disputeId, boolean won) {
        scenario(() -> objects.closeDispute(disputeId, won));
    }

    /** Creates an automatic payout of the available balance in the currency and marks it paid. */
    public String payout(String currency) {
        String id = scenario(() -> objects.payout(currency)).get("id").asText();
        scenario(() -> objects.payoutPaid(id));
        return id;
    }

    /** The customer pays an open invoice in full; returns the payment intent. */
    public String payInvoice(String invoiceId) {
        return scenario(() -> {
            long amount = store.get("invoice", invoiceId).get("amount_remaining").asLong();
            return objects.payInvoice(invoiceId, standardFee(amount));
        }).get("id").asText();
    }

    /** An object as the API would answer it, for assertions. */
    public ObjectNode object(String id) {
        return scenario(() -> store.get(id)).deepCopy();
    }

    public List<ObjectNode> objects(String type) {
        return store.all(type, n -> true).stream().map(ObjectNode::deepCopy).toList();
    }

    /** Events recorded since the last call, oldest first. */
    public List<ObjectNode> takeNewEvents() {
        return store.takeNewEvents();
    }

    public List<ObjectNode> events() {
        return store.allEvents();
    }

    static long standardFee(long amount) {
        return (amount * 29 + 500) / 1000 + 30; // 2.9 %, rounded half up, in integers
    }

    private <T> T scenario(Supplier<T> step) {
        try {
            return step.get();
        } catch (StripeApiError e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
