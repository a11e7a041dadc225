package io.mlconnector.systems.gocardless;

import com.gocardless.http.HttpClient;
import com.gocardless.http.ListResponse;
import com.gocardless.resources.Creditor;
import com.gocardless.resources.Event;
import com.gocardless.resources.Mandate;
import com.gocardless.resources.Payment;
import com.gocardless.resources.PayoutItem;
import com.gocardless.resources.BillingRequest;
import com.gocardless.resources.BillingRequestFlow;
import com.gocardless.resources.Customer;
import com.gocardless.services.BillingRequestFlowService;
import com.gocardless.services.BillingRequestService;
import com.gocardless.services.CreditorService;
import com.gocardless.services.CustomerService;
import com.gocardless.services.EventService;
import com.gocardless.services.MandateService;
import com.gocardless.services.PaymentService;
import com.gocardless.services.PayoutItemService;
import com.gocardless.services.PayoutService;
import com.gocardless.services.RefundService;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The GoCardless calls our connectors make, over the official gocardless-pro client, returning our
 * own records with {@link io.mlconnector.api.money.Money} amounts and our own exceptions.
 *
 * <pre>{@code
 * GoCardlessApi gc = GoCardlessApi.builder(accessToken).environment(GoCardlessEnvironment.LIVE).build();
 * GoCardlessConnectionCheck check = gc.checkConnection();
 * GoCardlessPayment payment = gc.getPayment("PM123");
 * }</pre>
 *
 * <p>What the client does for us: the {@code Authorization}, {@code GoCardless-Version} and
 * {@code Idempotency-Key} headers; cursor paging; and up to three attempts (half a second apart by
 * default) for network failures and GoCardless internal errors. What this facade adds: a 429 becomes
 * {@link GoCardlessRateLimitedException} carrying the wait from {@code RateLimit-Reset} (the client
 * neither retries 429s nor keeps their headers); an idempotency conflict on create is answered by
 * fetching the payment the key already made; every other failure is a {@link GoCardlessException}
 * whose message says what was being done. The access token never appears in a message.
 *
 * <p>Instances are thread-safe; build one per connection and reuse it.
 */
public final class GoCardlessApi {

    private final Clock clock;
    private final int pageSize;
    private final CreditorService creditors;
    private final CustomerService customers;
    private final MandateService mandates;
    private final PaymentService payments;
    private final RefundService refunds;
    private final PayoutService payouts;
    private final PayoutItemService payoutItems;
    private final EventService events;
    private final BillingRequestService billingRequests;
    private final BillingRequestFlowService billingRequestFlows;

    private GoCardlessApi(Builder b) {
        this.clock = b.clock;
        this.pageSize = b.pageSize;
        // GoCardlessClient.Builder cannot take an interceptor, so the same parts it would assemble
        // (the library's public HttpClient and services) are assembled here around our own OkHttp
        // client, which notes the RateLimit-* headers of a 429 before the library drops them.
        OkHttpClient okHttp = new OkHttpClient.Builder()
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .writeTimeout(b.readTimeout)
                .callTimeout(b.callTimeout)
                .addInterceptor(new RateLimitHeaders())
                .build();
        HttpClient http = new HttpClient(b.accessToken, b.baseUrl, okHttp, true, b.maxAttempts,
                b.retryWait.toMillis());
        this.creditors = new CreditorService(http);
        this.customers = new CustomerService(http);
        this.mandates = new MandateService(http);
        this.payments = new PaymentService(http);
        this.refunds = new RefundService(http);
        this.payouts = new PayoutService(http);
        this.payoutItems = new PayoutItemService(http);
        this.events = new EventService(http);
        this.billingRequests = new BillingRequestService(http);
        this.billingRequestFlows = new BillingRequestFlowService(http);
    }

    /** @param accessToken a GoCardless access token (live or sandbox, matching the environment) */
    public static Builder builder(String accessToken) {
        return new Builder(accessToken);
    }

    // ---------------------------------------------------------------- connection check

    /**
     * "Ping" with the stored token: reads the creditor it belongs to. Never throws for GoCardless
     * failures; the problem comes back in plain words.
     */
    public GoCardlessConnectionCheck checkConnection() {
        try {
            ListResponse<Creditor> page = call("reading the creditor", () -> creditors.list().withLimit(1).execute());
            if (page.getItems().isEmpty()) {
                return GoCardlessConnectionCheck.failed(
                        "the access token works, but the GoCardless account has no creditor yet");
            }
            Creditor c = page.getItems().get(0);
            return GoCardlessConnectionCheck.reached(new GoCardlessCreditor(c.getId(), c.getName()));
        } catch (GoCardlessRateLimitedException e) {
            return GoCardlessConnectionCheck.failed("GoCardless is busy with this account's requests; try again in "
                    + Math.max(1, e.retryAfter().toSeconds()) + " seconds");
        } catch (GoCardlessUnreachableException e) {
            return GoCardlessConnectionCheck.failed("GoCardless could not be reached");
        } catch (GoCardlessApiException e) {
            if (e.isAuthenticationFailure()) {
                return GoCardlessConnectionCheck.failed("the access token was rejected");
            }
            if (e.status() == 403) {
                return GoCardlessConnectionCheck.failed("the access token is not allowed to read this account");
            }
            if ("malformed_response".equals(e.type())) {
                return GoCardlessConnectionCheck.failed("the address answered, but not like GoCardless");
            }
            return GoCardlessConnectionCheck.failed("GoCardless answered with an error (" + e.status() + ")");
        } catch (GoCardlessException e) {
            return GoCardlessConnectionCheck.failed("GoCardless could not be read: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- reads

    /**
     * The payment, with its customer: GoCardless links a payment to its mandate only, so this
     * reads the mandate too (two requests).
     */
    public GoCardlessPayment getPayment(String paymentId) {
        return getPayment(paymentId, mandateId -> Optional.empty());
    }

    /**
     * Reads a payment, with the customer of its mandate. GoCardless links a payment to its mandate
     * only, so finding the customer costs a second call, unless the caller already knows it (a
     * mandate's customer never changes): {@code knownCustomerOfMandate} is asked first.
     */
    public GoCardlessPayment getPayment(String paymentId,
                                        Function<String, Optional<String>> knownCustomerOfMandate) {
        requireId(paymentId, "payment");
        Payment p = call("reading payment " + paymentId, () -> payments.get(paymentId).execute());
        String mandateId = p.getLinks() == null ? null : p.getLinks().getMandate();
        String known = mandateId == null ? null : knownCustomerOfMandate.apply(mandateId).orElse(null);
        return ResourceMapper.payment(p, known != null ? known : customerOfMandate(p));
    }

    public GoCardlessCustomer getCustomer(String customerId) {
        requireId(customerId, "customer");
        return ResourceMapper.customer(call("reading customer " + customerId, () -> customers.get(customerId).execute()));
    }

    public GoCardlessMandate getMandate(String mandateId) {
        requireId(mandateId, "mandate");
        return ResourceMapper.mandate(call("reading mandate " + mandateId, () -> mandates.get(mandateId).execute()));
    }

    /** Every mandate of the customer, newest first, across all pages. */
    public List<GoCardlessMandate> listMandatesOfCustomer(String customerId) {
        requireId(customerId, "customer");
        return call("listing the mandates of customer " + customerId, () -> {
            List<GoCardlessMandate> out = new ArrayList<>();
            for (Mandate m : mandates.all().withCustomer(customerId).withLimit(pageSize).execute()) {
                out.add(ResourceMapper.mandate(m));
            }
            return out;
        });
    }

    public GoCardlessRefund getRefund(String refundId) {
        requireId(refundId, "refund");
        return ResourceMapper.refund(call("reading refund " + refundId, () -> refunds.get(refundId).execute()));
    }

    public GoCardlessPayout getPayout(String payoutId) {
        requireId(payoutId, "payout");
        return ResourceMapper.payout(call("reading payout " + payoutId, () -> payouts.get(payoutId).execute()));
    }

    /** Every item of the payout, across all pages, in GoCardless's order. */
    public List<GoCardlessPayoutItem> listPayoutItems(GoCardlessPayout payout) {
        return listPayoutItems(payout.id(), payout.currency());
    }

    /**
     * Every item of the payout. Items carry no currency of their own; they are in the payout's.
     * GoCardless keeps items for about six months and answers 410 for older payouts.
     */
    public List<GoCardlessPayoutItem> listPayoutItems(String payoutId, String currency) {
        requireId(payoutId, "payout");
        Objects.requireNonNull(currency, "currency");
        return call("listing the items of payout " + payoutId, () -> {
            List<GoCardlessPayoutItem> out = new ArrayList<>();
            for (PayoutItem item : payoutItems.all().withPayout(payoutId).withLimit(pageSize).execute()) {
                out.add(ResourceMapper.payoutItem(item, currency.toUpperCase(Locale.ROOT)));
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- events (polling fallback)

    /** One page of events as GoCardless lists them (newest first) with the cursors to move on. */
    public GoCardlessEventPage listEvents(GoCardlessEventQuery query) {
        Objects.requireNonNull(query, "query");
        return call("listing events", () -> {
            EventService.EventListRequest<ListResponse<Event>> request = events.list();
            if (query.createdAfter() != null) {
                request = request.withCreatedAtGt(query.createdAfter().toString());
            }
            if (query.resourceType() != null) {
                request = request.withResourceType(resourceType(query.resourceType()));
            }
            if (query.after() != null) {
                request = request.withAfter(query.after());
            }
            if (query.before() != null) {
                request = request.withBefore(query.before());
            }
            request = request.withLimit(query.limit() != null ? query.limit() : pageSize);
            ListResponse<Event> page = request.execute();
            List<GoCardlessEvent> mapped = page.getItems().stream().map(ResourceMapper::event).toList();
            return new GoCardlessEventPage(mapped, page.getBefore(), page.getAfter());
        });
    }

    /**
     * Every event created strictly after {@code since} (optionally of one resource type), oldest
     * first, ready to process in order. Walks all pages.
     */
    public List<GoCardlessEvent> listEventsCreatedAfter(Instant since, String resourceType) {
        Objects.requireNonNull(since, "since");
        List<GoCardlessEvent> newestFirst = new ArrayList<>();
        GoCardlessEventQuery query = GoCardlessEventQuery.firstPage().createdAfter(since).resourceType(resourceType);
        while (true) {
            GoCardlessEventPage page = listEvents(query);
            newestFirst.addAll(page.events());
            if (page.after() == null) {
                break;
            }
            query = query.after(page.after());
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * Every event newer than the event {@code lastSeenEventId}, oldest first: the cursor form of
     * polling, which survives clock differences. Walks the {@code before} cursor page by page.
     */
    public List<GoCardlessEvent> listEventsNewerThan(String lastSeenEventId) {
        requireId(lastSeenEventId, "event");
        List<GoCardlessEvent> oldestFirst = new ArrayList<>();
        String cursor = lastSeenEventId;
        while (cursor != null) {
            GoCardlessEventPage page = listEvents(GoCardlessEventQuery.firstPage().before(cursor));
            List<GoCardlessEvent> chunk = new ArrayList<>(page.events());
            Collections.reverse(chunk);
            oldestFirst.addAll(chunk);
            cursor = page.before();
        }
        return oldestFirst;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Creates a payment under an idempotency key. Use a key derived from what the payment is for
     * (e.g. tenant + invoice id), so a retry after a lost answer cannot collect twice: GoCardless
     * then answers idempotent_creation_conflict, and this returns the payment the key already
     * created with {@code alreadyExisted = true}.
     */
    public GoCardlessPaymentCreation createPayment(GoCardlessNewPayment request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("A payment is only created with an idempotency key");
        }
        PaymentService.PaymentCreateRequest.Currency currency;
        try {
            currency = PaymentService.PaymentCreateRequest.Currency.valueOf(request.amount().currency());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GoCardless does not collect in " + request.amount().currency());
        }
        PaymentService.PaymentCreateRequest create = payments.create()
                .withAmount(Math.toIntExact(request.amount().minorUnits()))
                .withCurrency(currency)
                .withLinksMandate(request.mandateId())
                .withIdempotencyKey(idempotencyKey);
        if (request.chargeDate() != null) {
            create = create.withChargeDate(request.chargeDate().toString());
        }
        if (request.reference() != null) {
            create = create.withReference(request.reference());
        }
        if (request.description() != null) {
            create = create.withDescription(request.description());
        }
        if (!request.metadata().isEmpty()) {
            create = create.withMetadata(request.metadata());
        }
        PaymentService.PaymentCreateRequest finalCreate = create;
        Payment created;
        try {
            created = call("creating a payment on mandate " + request.mandateId(), finalCreate::execute);
        } catch (GoCardlessApiException e) {
            if (e.hasReason("idempotent_creation_conflict") && e.conflictingResourceId().isPresent()) {
                return new GoCardlessPaymentCreation(getPayment(e.conflictingResourceId().get()), true);
            }
            throw e;
        }
        return new GoCardlessPaymentCreation(ResourceMapper.payment(created, customerOfMandate(created)), false);
    }

    /** Every customer of the creditor, across all pages (e.g. to match a payer by e-mail). */
    public List<GoCardlessCustomer> listCustomers() {
        return call("listing customers", () -> {
            List<GoCardlessCustomer> out = new ArrayList<>();
            for (Customer c : customers.all().withLimit(pageSize).execute()) {
                out.add(ResourceMapper.customer(c));
            }
            return out;
        });
    }

    /**
     * Cancels a payment that has not been submitted to the banks yet. GoCardless refuses
     * ({@code cancellation_failed}) once it has been: the payment is then on its way.
     */
    public GoCardlessPayment cancelPayment(String paymentId) {
        requireId(paymentId, "payment");
        Payment p = call("cancelling payment " + paymentId, () -> payments.cancel(paymentId).execute());
        return ResourceMapper.payment(p, null);
    }

    /**
     * Asks a payer for a mandate: a billing request with a mandate request, then its hosted flow, whose
     * authorisation URL is where the payer goes. The key makes a repeat return the same billing request.
     */
    public GoCardlessAuthorisation requestMandate(GoCardlessMandateRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("A billing request is only created with an idempotency key");
        }
        BillingRequestService.BillingRequestCreateRequest create = billingRequests.create()
                .withMandateRequestCurrency(request.currency())
                .withIdempotencyKey(idempotencyKey);
        if (request.customerId() != null) {
            create = create.withLinksCustomer(request.customerId());
        }
        if (!request.metadata().isEmpty()) {
            create = create.withMetadata(request.metadata());
        }
        BillingRequestService.BillingRequestCreateRequest finalCreate = create;
        BillingRequest brq;
        try {
            brq = call("creating a billing request", finalCreate::execute);
        } catch (GoCardlessApiException e) {
            if (e.hasReason("idempotent_creation_conflict") && e.conflictingResourceId().isPresent()) {
                String existing = e.conflictingResourceId().get();
                brq = call("reading billing request " + existing, () -> billingRequests.get(existing).execute());
            } else {
                throw e;
            }
        }
        String brqId = brq.getId();
        BillingRequestFlowService.BillingRequestFlowCreateRequest flow = billingRequestFlows.create()
                .withLinksBillingRequest(brqId);
        if (request.email() != null) {
            flow = flow.withPrefilledCustomerEmail(request.email());
        }
        if (request.givenName() != null) {
            flow = flow.withPrefilledCustomerGivenName(request.givenName());
        }
        if (request.familyName() != null) {
            flow = flow.withPrefilledCustomerFamilyName(request.familyName());
        }
        if (request.companyName() != null) {
            flow = flow.withPrefilledCustomerCompanyName(request.companyName());
        }
        BillingRequestFlowService.BillingRequestFlowCreateRequest finalFlow = flow;
        BillingRequestFlow created = call("creating the flow of billing request " + brqId, finalFlow::execute);
        String customerId = brq.getLinks() == null ? null : brq.getLinks().getCustomer();
        return new GoCardlessAuthorisation(brqId, customerId, created.getAuthorisationUrl());
    }

    public GoCardlessBillingRequest getBillingRequest(String billingRequestId) {
        requireId(billingRequestId, "billing request");
        BillingRequest brq = call("reading billing request " + billingRequestId,
                () -> billingRequests.get(billingRequestId).execute());
        BillingRequest.Links links = brq.getLinks();
        return new GoCardlessBillingRequest(brq.getId(), ResourceMapper.wire(brq.getStatus()), links == null ? null : links.getCustomer(),
                links == null ? null : links.getMandateRequestMandate());
    }

    /**
     * Creates a customer under an idempotency key derived from who they are in the other system, so
     * a retry after a lost answer returns the customer the first call made ({@code alreadyExisted}).
     */
    public GoCardlessCustomerCreation createCustomer(GoCardlessCustomerDetails details, String idempotencyKey) {
        Objects.requireNonNull(details, "details");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("A customer is only created with an idempotency key");
        }
        CustomerService.CustomerCreateRequest create = customers.create().withIdempotencyKey(idempotencyKey);
        if (details.email() != null) {
            create = create.withEmail(details.email());
        }
        if (details.givenName() != null) {
            create = create.withGivenName(details.givenName());
        }
        if (details.familyName() != null) {
            create = create.withFamilyName(details.familyName());
        }
        if (details.companyName() != null) {
            create = create.withCompanyName(details.companyName());
        }
        if (!details.metadata().isEmpty()) {
            create = create.withMetadata(details.metadata());
        }
        CustomerService.CustomerCreateRequest finalCreate = create;
        try {
            return new GoCardlessCustomerCreation(ResourceMapper.customer(call("creating a customer", finalCreate::execute)), false);
        } catch (GoCardlessApiException e) {
            if (e.hasReason("idempotent_creation_conflict") && e.conflictingResourceId().isPresent()) {
                return new GoCardlessCustomerCreation(getCustomer(e.conflictingResourceId().get()), true);
            }
            throw e;
        }
    }

    /** Updates a customer's names, e-mail and metadata to {@code details} (null fields are left as they are). */
    public GoCardlessCustomer updateCustomer(String customerId, GoCardlessCustomerDetails details) {
        requireId(customerId, "customer");
        CustomerService.CustomerUpdateRequest update = customers.update(customerId);
        if (details.email() != null) {
            update = update.withEmail(details.email());
        }
        if (details.givenName() != null) {
            update = update.withGivenName(details.givenName());
        }
        if (details.familyName() != null) {
            update = update.withFamilyName(details.familyName());
        }
        if (details.companyName() != null) {
            update = update.withCompanyName(details.companyName());
        }
        if (!details.metadata().isEmpty()) {
            update = update.withMetadata(details.metadata());
        }
        CustomerService.CustomerUpdateRequest finalUpdate = update;
        return ResourceMapper.customer(call("updating customer " + customerId, finalUpdate::execute));
    }

    // ---------------------------------------------------------------- plumbing

    private String customerOfMandate(Payment p) {
        String mandateId = p.getLinks() == null ? null : p.getLinks().getMandate();
        if (mandateId == null) {
            return null;
        }
        Mandate m = call("reading mandate " + mandateId + " of payment " + p.getId(),
                () -> mandates.get(mandateId).execute());
        return m.getLinks() == null ? null : m.getLinks().getCustomer();
    }

    private <T> T call(String what, Supplier<T> action) {
        RateLimitHeaders.forget();
        try {
            return action.get();
        } catch (com.gocardless.GoCardlessException e) {
            throw ErrorTranslator.translate(e, what, clock);
        } catch (com.google.gson.JsonParseException e) {
            // A 2xx whose body is not JSON: something other than GoCardless answered.
            throw new GoCardlessApiException(what + ": the answer was not GoCardless's JSON", 0,
                    "malformed_response", List.of(), null, null);
        }
    }

    private static EventService.EventListRequest.ResourceType resourceType(String type) {
        try {
            return EventService.EventListRequest.ResourceType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown GoCardless event resource type '" + type + "'");
        }
    }

    private static void requireId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A GoCardless " + what + " id is needed");
        }
    }

    /** How to reach GoCardless. Only the token is required; the environment defaults to live. */
    public static final class Builder {

        private final String accessToken;
        private String baseUrl = GoCardlessEnvironment.LIVE.baseUrl();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private int maxAttempts = 3;
        private Duration retryWait = Duration.ofMillis(500);
        private int pageSize = 100;
        private Clock clock = Clock.systemUTC();

        private Builder(String accessToken) {
            if (accessToken == null || accessToken.isBlank()) {
                throw new IllegalArgumentException("A GoCardless access token is needed");
            }
            this.accessToken = accessToken.trim();
        }

        public Builder environment(GoCardlessEnvironment environment) {
            this.baseUrl = environment.baseUrl();
            return this;
        }

        /** An explicit base URL, e.g. a {@code FakeGoCardless} on 127.0.0.1 in tests. */
        public Builder baseUrl(String url) {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("base URL is empty");
            }
            this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /** Attempts for network failures and GoCardless 5xx (default 3), {@code wait} apart. */
        public Builder retries(int attempts, Duration wait) {
            if (attempts < 1) {
                throw new IllegalArgumentException("at least one attempt");
            }
            this.maxAttempts = attempts;
            this.retryWait = wait;
            return this;
        }

        /** Page size for the list walks (default 100). */
        public Builder pageSize(int size) {
            if (size < 1 || size > 500) {
                throw new IllegalArgumentException("page size must be 1..500");
            }
            this.pageSize = size;
            return this;
        }

        /** The clock the RateLimit-Reset wait is measured against. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public GoCardlessApi build() {
            return new GoCardlessApi(this);
        }
    }
}
