package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * FreshBooks on 127.0.0.1 with in-memory state, speaking its REST wire format: identity
 * ({@code /auth/api/v1/users/me}), clients, invoices, payments (deleted softly with {@code vis_state}),
 * expenses and their categories, and webhook callbacks with FreshBooks' registration handshake.
 *
 * <p>Every change queues the deliveries FreshBooks would post to verified callbacks subscribed to it
 * (form-encoded, signed with {@code X-FreshBooks-Hmac-SHA256}); registering a callback queues the
 * verification delivery carrying its verifier. Tests post them with {@link #deliver}, in any order and
 * as often as they like, or forge them with {@link FakeDelivery#tampered}.
 *
 * <p>Access tokens: the fake accepts {@link #accessToken()} and any token added later; a test wired to
 * an OAuth fake passes its own check with {@link #checkTokensWith(Predicate)}.
 */
public final class FakeFreshBooks implements AutoCloseable {

    /** Statuses to answer instead of handling the next requests (429, 5xx). */
    static final class Faults {
        private final Deque<Integer> next = new ArrayDeque<>();

        synchronized void add(int count, int status) {
            for (int i = 0; i < count; i++) {
                next.add(status);
            }
        }

        synchronized int next() {
            Integer status = next.poll();
            return status == null ? 0 : status;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final FbStore store;
    private final Faults faults = new Faults();
    private final Set<String> tokens = new CopyOnWriteArraySet<>();
    private volatile Predicate<String> tokenCheck = tokens::contains;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final String accessToken;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final HttpClient deliveries = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FakeFreshBooks(Clock clock) throws IOException {
        this.store = new FbStore(json, clock);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.accessToken = "fb_fake_" + HexFormat.of().formatHex(random);
        tokens.add(accessToken);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-freshbooks");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new FbApiHandler(store, json, token -> tokenCheck.test(token), faults, requests));
        server.start();
    }

    public static FakeFreshBooks start() {
        return start(Clock.systemUTC());
    }

    public static FakeFreshBooks start(Clock clock) {
        try {
            return new FakeFreshBooks(clock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the fake FreshBooks to 127.0.0.1", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- connection facts

    /** E.g. {@code http://127.0.0.1:53211}: the API base (FreshBooks' is {@code https://api.freshbooks.com}). */
    public String baseUrl() {
        return baseUrl;
    }

    public URI baseUri() {
        return URI.create(baseUrl);
    }

    /** The accounting id in every accounting and callbacks path. */
    public String accountId() {
        return store.accountId;
    }

    public String businessId() {
        return store.businessId;
    }

    /** The signed-in user's id, e.g. the {@code staffid} of expenses. */
    public String userId() {
        return store.userId;
    }

    public String accessToken() {
        return accessToken;
    }

    public void acceptAccessToken(String token) {
        tokens.add(token);
    }

    /** Every request now answers 401, as after a revoked grant or an expired token. */
    public void revokeAccessTokens() {
        tokens.clear();
    }

    /** Decide which bearer tokens are valid elsewhere, e.g. in a fake OAuth server that issued them. */
    public void checkTokensWith(Predicate<String> check) {
        this.tokenCheck = check;
    }

    // ---------------------------------------------------------------- faults and observation

    /** The next {@code count} requests answer 429 Too Many Requests. */
    public void throttleNext(int count) {
        faults.add(count, 429);
    }

    /** The next {@code count} requests answer {@code status} (5xx). */
    public void failNext(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("server errors are 5xx");
        }
        faults.add(count, status);
    }

    /** Every request received, as {@code METHOD /path}, in order. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public int requestCount() {
        return requests.size();
    }

    // ---------------------------------------------------------------- time

    public void advanceTime(Duration duration) {
        store.advance(duration);
    }

    public LocalDate today() {
        return store.today();
    }

    // ---------------------------------------------------------------- scenario

    /** A client with an e-mail and an organisation, in {@code currency}; returns its id. */
    public String createClient(String email, String organization, String currency) {
        ObjectNode in = json.createObjectNode();
        in.put("email", email);
        in.put("organization", organization);
        in.put("currency_code", currency);
        return scenario(() -> store.createClient(in)).path("id").asText();
    }

    /** A draft invoice of one line for {@code amount} (a decimal string) due on {@code dueDate}; returns its id. */
    public String createDraftInvoice(String clientId, String amount, String currency, LocalDate dueDate) {
        ObjectNode in = json.createObjectNode();
        in.put("customerid", clientId);
        in.put("currency_code", currency);
        in.put("due_date", dueDate.toString());
        ObjectNode line = in.putArray("lines").addObject();
        line.put("name", "Services");
        line.put("qty", "1");
        line.putObject("unit_cost").put("amount", amount).put("code", currency);
        return scenario(() -> store.createInvoice(in)).path("id").asText();
    }

    /** The invoice is sent to the client (FreshBooks: invoice.update). */
    public void sendInvoice(String invoiceId) {
        ObjectNode in = json.createObjectNode();
        in.put("action_mark_as_sent", true);
        scenario(() -> store.updateInvoice(invoiceId, in));
    }

    /** A sent invoice in one step; returns its id. */
    public String createSentInvoice(String clientId, String amount, String currency, LocalDate dueDate) {
        String id = createDraftInvoice(clientId, amount, currency, dueDate);
        sendInvoice(id);
        return id;
    }

    /** The invoice is deleted (FreshBooks: vis_state 1, invoice.delete). */
    public void deleteInvoice(String invoiceId) {
        ObjectNode in = json.createObjectNode();
        in.put("vis_state", 1);
        scenario(() -> store.updateInvoice(invoiceId, in));
    }

    /** Someone records a payment by other means (cash, cheque) in FreshBooks; returns its id. */
    public String recordPayment(String invoiceId, String amount, String type, String note) {
        ObjectNode in = json.createObjectNode();
        in.put("invoiceid", invoiceId);
        JsonNode invoice = invoice(invoiceId);
        in.putObject("amount").put("amount", amount).put("code", invoice.path("currency_code").asText());
        in.put("type", type);
        in.put("note", note);
        return scenario(() -> store.createPayment(in)).path("id").asText();
    }

    public JsonNode invoice(String invoiceId) {
        return scenario(() -> store.invoice(invoiceId));
    }

    /** Every payment of the invoice, deleted ones included. */
    public List<JsonNode> paymentsOf(String invoiceId) {
        return List.copyOf(store.payments(java.util.Map.of("invoiceid", invoiceId)));
    }

    /** Payments of the invoice that are not deleted. */
    public List<JsonNode> activePaymentsOf(String invoiceId) {
        return paymentsOf(invoiceId).stream().filter(p -> p.path("vis_state").asInt() == 0).toList();
    }

    public List<JsonNode> allPayments() {
        return List.copyOf(store.allPayments());
    }

    public List<JsonNode> expenses() {
        return List.copyOf(store.expenses());
    }

    public List<JsonNode> expenseCategories() {
        return List.copyOf(store.categories());
    }

    public List<JsonNode> callbacks() {
        return List.copyOf(store.callbacks());
    }

    /** A callback disappears on FreshBooks' side (deleted by someone, or expired). */
    public void dropCallback(String callbackId) {
        scenario(() -> {
            store.deleteCallback(callbackId);
            return null;
        });
    }

    /** The verifier FreshBooks issued to a callback, e.g. to sign a delivery in a test. */
    public String verifierOf(String callbackId) {
        return store.verifierOf(callbackId);
    }

    // ---------------------------------------------------------------- deliveries

    /** The deliveries queued since the last call, oldest first; nothing is sent until {@link #deliver}. */
    public List<FakeDelivery> takeDeliveries() {
        return store.takeOutbox();
    }

    /** Posts one delivery as FreshBooks does; returns the receiver's status. */
    public int deliver(FakeDelivery delivery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.uri()))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()));
        if (delivery.signature() != null) {
            request.header("X-FreshBooks-Hmac-SHA256", delivery.signature());
        }
        try {
            return deliveries.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("could not deliver to " + delivery.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Takes and posts every queued delivery, in order; returns the statuses. */
    public List<Integer> deliverAll() {
        return takeDeliveries().stream().map(this::deliver).toList();
    }

    private <T> T scenario(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (FbError e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
