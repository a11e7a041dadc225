package io.mlconnector.testkit.gocardless;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A GoCardless API on 127.0.0.1 with in-memory state, close enough to the real wire format that the
 * official gocardless-pro Java client works against it unchanged (point its base URL at
 * {@link #baseUrl()} and use {@link #accessToken()}).
 *
 * <p>It serves creditors, customers, customer_bank_accounts, mandates, payments, refunds, payouts,
 * payout_items and events; honours {@code Idempotency-Key} on creates (a reused key answers 409
 * {@code idempotent_creation_conflict} naming the first resource); pages lists with
 * {@code after}/{@code before}/{@code limit}; and can be told to rate limit (429 with
 * {@code RateLimit-*} headers) or fail (5xx). Scenario methods move payments, refunds and payouts
 * through their lives and record the events GoCardless would send; {@link WebhookSender} delivers
 * them.
 *
 * <pre>{@code
 * try (FakeGoCardless gc = FakeGoCardless.start()) {
 *     CustomerWithMandate c = gc.createCustomerWithActiveMandate(CustomerDetails.person("Ada", "Lovelace", "ada@example.com"));
 *     String pm = gc.createPayment(c.mandateId(), 2500, "GBP");
 *     gc.confirmPayment(pm);
 *     String po = gc.payout("GBP").payment(pm, 20).create();
 *     new WebhookSender("secret").send(receiverUrl, gc.takeNewEvents());
 * }
 * }</pre>
 */
public final class FakeGoCardless implements AutoCloseable {

    /** The API version the fake speaks and requires in {@code GoCardless-Version}. */
    public static final String API_VERSION = GcApiHandler.API_VERSION;

    private final ObjectMapper json = new ObjectMapper();
    private final GcStore store;
    private final FaultInjector faults = new FaultInjector();
    private final Set<String> tokens = new CopyOnWriteArraySet<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final String accessToken;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;

    private FakeGoCardless(Clock clock) throws IOException {
        this.store = new GcStore(json, clock);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.accessToken = "sandbox_fake_" + HexFormat.of().formatHex(random);
        tokens.add(accessToken);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-gocardless");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new GcApiHandler(store, faults, json, () -> tokens, () -> baseUrl, requests));
        server.start();
    }

    /** Starts a fake on a free loopback port, on the system clock. */
    public static FakeGoCardless start() {
        return start(Clock.systemUTC());
    }

    /** Starts a fake whose timestamps come from {@code clock} (plus any {@link #advanceTime}). */
    public static FakeGoCardless start(Clock clock) {
        try {
            return new FakeGoCardless(clock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the fake GoCardless to 127.0.0.1", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Runs a scenario step; a refusal by the fake's own rules (unknown id, impossible state change)
     * is a mistake in the test, reported as IllegalStateException with the fake's reason.
     */
    private <T> T scenario(Supplier<T> step) {
        try {
            return step.get();
        } catch (GcApiError e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void scenarioStep(Runnable step) {
        scenario(() -> {
            step.run();
            return null;
        });
    }

    // ---------------------------------------------------------------- connection facts

    /** E.g. {@code http://127.0.0.1:53211}; pass it to the client as its base URL. */
    public String baseUrl() {
        return baseUrl;
    }

    public URI baseUri() {
        return URI.create(baseUrl);
    }

    /** The access token the fake accepts. */
    public String accessToken() {
        return accessToken;
    }

    /** Accepts a further token, e.g. to model a second account's key or a rotated one. */
    public void acceptAccessToken(String token) {
        tokens.add(token);
    }

    /** Stops accepting every token: each request now answers 401, as after a revoked key. */
    public void revokeAllAccessTokens() {
        tokens.clear();
    }

    public String creditorId() {
        return store.creditorId();
    }

    public void setCreditorName(String name) {
        store.renameCreditor(name);
    }

    // ---------------------------------------------------------------- time

    public Instant now() {
        return store.now();
    }

    /** Moves the fake's clock forward, e.g. to put events on either side of a created_at filter. */
    public void advanceTime(Duration duration) {
        store.advance(duration);
    }

    // ---------------------------------------------------------------- scenario: customers and mandates

    public String createCustomer(CustomerDetails details) {
        ObjectNode in = json.createObjectNode();
        in.put("email", details.email());
        in.put("given_name", details.givenName());
        in.put("family_name", details.familyName());
        in.put("company_name", details.companyName());
        ObjectNode metadata = in.putObject("metadata");
        details.metadata().forEach(metadata::put);
        return scenario(() -> store.createCustomer(in).path("id").asText());
    }

    /** A customer, a GBP bank account and a Bacs mandate taken through created, submitted and active. */
    public CustomerWithMandate createCustomerWithActiveMandate(CustomerDetails details) {
        synchronized (store) {
            String customerId = createCustomer(details);
            ObjectNode account = json.createObjectNode();
            String holder = details.companyName() != null ? details.companyName()
                    : String.join(" ", Stream.of(details.givenName(), details.familyName())
                            .filter(Objects::nonNull).toList());
            account.put("account_holder_name", holder);
            account.putObject("links").put("customer", customerId);
            String bankAccountId = store.createBankAccount(account).path("id").asText();
            String mandateId = createMandate(bankAccountId);
            activateMandate(mandateId);
            return new CustomerWithMandate(customerId, bankAccountId, mandateId);
        }
    }

    /**
     * What the payer does on GoCardless's hosted page for an existing customer (e.g. one an
     * accounting connector created): adds a bank account and authorises a mandate, which becomes
     * active. Returns the mandate id.
     */
    public String authoriseMandate(String customerId, String accountHolderName) {
        synchronized (store) {
            ObjectNode account = json.createObjectNode();
            account.put("account_holder_name", accountHolderName);
            account.putObject("links").put("customer", customerId);
            String bankAccountId = store.createBankAccount(account).path("id").asText();
            String mandateId = createMandate(bankAccountId);
            activateMandate(mandateId);
            return mandateId;
        }
    }

    /** A mandate in pending_submission on the given customer bank account. */
    public String createMandate(String customerBankAccountId) {
        ObjectNode in = json.createObjectNode();
        in.putObject("links").put("customer_bank_account", customerBankAccountId);
        return scenario(() -> store.createMandate(in).path("id").asText());
    }

    /** Submits then activates the mandate, one event each. */
    public void activateMandate(String mandateId) {
        scenarioStep(() -> {
            synchronized (store) {
                store.transitionMandate(mandateId, "submitted", "submitted", EventDetail.MANDATE_SUBMITTED);
                store.transitionMandate(mandateId, "active", "active", EventDetail.MANDATE_ACTIVATED);
            }
        });
    }

    /** Cancels the mandate; its payments not yet submitted are cancelled with it. */
    public void cancelMandate(String mandateId) {
        scenarioStep(() -> store.cancelMandate(mandateId));
    }

    // ---------------------------------------------------------------- scenario: payments

    public String createPayment(String mandateId, long amountMinor, String currency) {
        return createPayment(mandateId, amountMinor, currency, null, Map.of());
    }

    /** A pending_submission payment, as if created through the API; records "payments created". */
    public String createPayment(String mandateId, long amountMinor, String currency, String reference,
                                Map<String, String> metadata) {
        ObjectNode in = json.createObjectNode();
        in.put("amount", amountMinor);
        in.put("currency", currency);
        in.put("reference", reference);
        ObjectNode m = in.putObject("metadata");
        metadata.forEach(m::put);
        in.putObject("links").put("mandate", mandateId);
        return scenario(() -> store.createPayment(in).path("id").asText());
    }

    /** pending_submission → submitted. */
    public void submitPayment(String paymentId) {
        move(paymentId, Set.of("pending_submission"), "submitted", "submitted", EventDetail.PAYMENT_SUBMITTED);
    }

    /** → confirmed, submitting first if needed (each step records its event). */
    public void confirmPayment(String paymentId) {
        synchronized (store) {
            if ("pending_submission".equals(scenario(() -> store.paymentStatus(paymentId)))) {
                submitPayment(paymentId);
            }
            move(paymentId, Set.of("submitted"), "confirmed", "confirmed", EventDetail.PAYMENT_CONFIRMED);
        }
    }

    /** → failed (insufficient funds, reported by the bank), submitting first if needed. */
    public void failPayment(String paymentId) {
        synchronized (store) {
            if ("pending_submission".equals(scenario(() -> store.paymentStatus(paymentId)))) {
                submitPayment(paymentId);
            }
            move(paymentId, Set.of("submitted", "confirmed"), "failed", "failed",
                    EventDetail.PAYMENT_FAILED_INSUFFICIENT_FUNDS);
        }
    }

    /** pending_submission → cancelled, as the cancel action of the API does. */
    public void cancelPayment(String paymentId) {
        move(paymentId, Set.of("pending_submission", "pending_customer_approval"), "cancelled", "cancelled",
                EventDetail.PAYMENT_CANCELLED);
    }

    /** confirmed or paid_out → charged_back (the customer disputed it with their bank). */
    public void chargeBackPayment(String paymentId) {
        move(paymentId, Set.of("confirmed", "paid_out"), "charged_back", "charged_back",
                EventDetail.PAYMENT_CHARGED_BACK);
    }

    private void move(String paymentId, Set<String> from, String to, String action, EventDetail detail) {
        scenarioStep(() -> store.transitionPayment(paymentId, from, to, action, detail, Map.of()));
    }

    // ---------------------------------------------------------------- scenario: refunds and payouts

    public String createRefund(String paymentId, long amountMinor) {
        return createRefund(paymentId, amountMinor, null);
    }

    /** A refund of a confirmed or paid-out payment; records "refunds created". */
    public String createRefund(String paymentId, long amountMinor, String reference) {
        ObjectNode in = json.createObjectNode();
        in.put("amount", amountMinor);
        in.put("reference", reference);
        in.putObject("links").put("payment", paymentId);
        return scenario(() -> store.createRefund(in).path("id").asText());
    }

    /** Marks a refund paid to the customer; records "refunds paid". */
    public void markRefundPaid(String refundId) {
        scenarioStep(() -> store.transitionRefund(refundId, "paid", "paid", EventDetail.REFUND_PAID));
    }

    /** Starts describing a payout in {@code currency}; see {@link PayoutBuilder}. */
    public PayoutBuilder payout(String currency) {
        return new PayoutBuilder(this, currency);
    }

    String createPayout(String currency, List<GcStore.PayoutLine> lines, LocalDate arrivalDate) {
        return scenario(() -> createPayoutLocked(currency, lines, arrivalDate));
    }

    private String createPayoutLocked(String currency, List<GcStore.PayoutLine> lines, LocalDate arrivalDate) {
        synchronized (store) {
            for (GcStore.PayoutLine line : lines) {
                if ("payment_paid_out".equals(line.type())) {
                    String status = store.paymentStatus(line.paymentId());
                    if (Set.of("pending_submission", "submitted").contains(status)) {
                        confirmPayment(line.paymentId());
                    } else if (!"confirmed".equals(status)) {
                        throw new IllegalStateException("Payment " + line.paymentId() + " is " + status
                                + " and cannot be paid out");
                    }
                }
            }
            return store.createPayout(currency, lines, arrivalDate);
        }
    }

    // ---------------------------------------------------------------- inspection

    /** The resource as the API would return it (a copy), e.g. {@code payment(id).path("status")}. */
    public ObjectNode resource(String collection, String id) {
        if (!store.isCollection(collection)) {
            throw new IllegalArgumentException("The fake has no collection '" + collection + "'");
        }
        return scenario(() -> store.snapshot(collection, id));
    }

    /** The payer completes a billing request's flow: a mandate now exists (pending submission). Returns its id. */
    public String fulfilBillingRequest(String billingRequestId, String accountHolderName) {
        return scenario(() -> store.fulfilBillingRequest(billingRequestId, accountHolderName));
    }

    public ObjectNode billingRequest(String id) {
        return resource("billing_requests", id);
    }

    public ObjectNode payment(String id) {
        return resource("payments", id);
    }

    public ObjectNode customer(String id) {
        return resource("customers", id);
    }

    public ObjectNode mandate(String id) {
        return resource("mandates", id);
    }

    public ObjectNode refund(String id) {
        return resource("refunds", id);
    }

    /** The payout (named so because {@link #payout(String)} starts a new one). */
    public ObjectNode payoutResource(String id) {
        return resource("payouts", id);
    }

    public List<ObjectNode> payoutItems(String payoutId) {
        return scenario(() -> store.payoutItems(payoutId).stream().map(ObjectNode::deepCopy).toList());
    }

    /** Every event so far, oldest first. */
    public List<FakeGoCardlessEvent> events() {
        return store.events();
    }

    /** Events recorded since the previous call (oldest first): what the next webhook should carry. */
    public List<FakeGoCardlessEvent> takeNewEvents() {
        return store.takeNewEvents();
    }

    /** Events about one resource, oldest first. */
    public List<FakeGoCardlessEvent> eventsFor(String resourceId) {
        return store.events().stream().filter(e -> resourceId.equals(e.resourceId())).toList();
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many requests had this method and a path starting with {@code pathPrefix}. */
    public long countRequests(String method, String pathPrefix) {
        return requests().stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && r.path().startsWith(pathPrefix))
                .count();
    }

    public void clearRequests() {
        requests.clear();
    }

    // ---------------------------------------------------------------- faults

    /** Rate limit per fixed window (default 1000 per minute, GoCardless's documented limit). */
    public void setRateLimit(int requestsPerWindow, Duration window) {
        faults.rateLimit(requestsPerWindow, window);
    }

    /** The next {@code count} requests answer 429 with a {@code RateLimit-Reset} {@code resetIn} ahead. */
    public void throttleNextRequests(int count, Duration resetIn) {
        faults.throttleNext(count, resetIn);
    }

    /** The next {@code count} requests answer {@code status} (5xx) with GoCardless's internal-error envelope. */
    public void failNextRequests(int count, int status) {
        faults.failNext(count, status);
    }

    /**
     * The next {@code count} requests are carried out, but answer 500: the case where a create
     * succeeded and its response was lost, which idempotency keys exist for.
     */
    public void loseNextResponses(int count) {
        faults.loseNextResponses(count);
    }
}
