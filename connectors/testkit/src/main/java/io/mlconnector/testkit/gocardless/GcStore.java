package io.mlconnector.testkit.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fake's in-memory GoCardless account: resources as wire-format JSON objects, the event log,
 * idempotency keys and the clock. Every method is synchronized: the HTTP handler and test code
 * touch it from different threads.
 */
final class GcStore {

    static final Set<String> CURRENCIES = Set.of("AUD", "CAD", "DKK", "EUR", "GBP", "NZD", "SEK", "USD");

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Set<String> FEE_ITEM_TYPES = Set.of("gocardless_fee", "app_fee", "surcharge_fee");
    private static final int MAX_METADATA_KEYS = 3;

    /** One line of a payout as a scenario describes it. */
    record PayoutLine(String type, BigDecimal amount, String paymentId, String refundId, String mandateId) {
    }

    private final ObjectMapper json;
    private final Clock clock;
    private Duration offset = Duration.ZERO;
    private Instant lastStamp = Instant.EPOCH;
    private long sequence;
    private final Map<String, Map<String, ObjectNode>> collections = new HashMap<>();
    private final Map<String, List<ObjectNode>> payoutItems = new HashMap<>();
    private final List<FakeGoCardlessEvent> events = new ArrayList<>();
    private int eventsTaken;
    private final Map<String, String> idempotencyKeys = new HashMap<>();
    private final String creditorId;

    GcStore(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        for (String c : List.of("creditors", "customers", "customer_bank_accounts", "mandates", "payments",
                "refunds", "payouts", "billing_requests", "billing_request_flows")) {
            collections.put(c, new LinkedHashMap<>());
        }
        this.creditorId = createCreditor("Fake Creditor Ltd");
    }

    // ---------------------------------------------------------------- time and ids

    synchronized Instant now() {
        return clock.instant().plus(offset);
    }

    synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    synchronized LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /** Creation times strictly increase, so "newest first" is a total order even within a millisecond. */
    private Instant stamp() {
        Instant t = now().truncatedTo(ChronoUnit.MILLIS);
        if (!t.isAfter(lastStamp)) {
            t = lastStamp.plusMillis(1);
        }
        lastStamp = t;
        return t;
    }

    static String format(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** Ids look like GoCardless's (two-letter prefix, twelve characters) and sort in creation order. */
    private String newId(String prefix) {
        String body = Long.toString(++sequence, 36).toUpperCase(Locale.ROOT);
        return prefix + "0".repeat(Math.max(0, 12 - body.length())) + body;
    }

    static String singular(String collection) {
        return switch (collection) {
            case "customer_bank_accounts" -> "customer_bank_account";
            case "payouts" -> "payout";
            default -> collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
        };
    }

    // ---------------------------------------------------------------- reading

    synchronized String creditorId() {
        return creditorId;
    }

    synchronized boolean isCollection(String name) {
        return collections.containsKey(name);
    }

    synchronized ObjectNode get(String collection, String id) {
        ObjectNode node = collections.get(collection).get(id);
        if (node == null) {
            throw GcApiError.invalidApiUsage(404, "resource_not_found", "Resource not found");
        }
        return node;
    }

    /** A copy, safe to hand out of the lock. */
    synchronized ObjectNode snapshot(String collection, String id) {
        return get(collection, id).deepCopy();
    }

    /** All resources of a collection, newest first, as GoCardless lists them. */
    synchronized List<ObjectNode> listNewestFirst(String collection) {
        List<ObjectNode> all = new ArrayList<>(collections.get(collection).values());
        Collections.reverse(all);
        return all;
    }

    synchronized List<ObjectNode> payoutItems(String payoutId) {
        get("payouts", payoutId);
        return List.copyOf(payoutItems.getOrDefault(payoutId, List.of()));
    }

    synchronized List<FakeGoCardlessEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<FakeGoCardlessEvent> takeNewEvents() {
        List<FakeGoCardlessEvent> fresh = List.copyOf(events.subList(eventsTaken, events.size()));
        eventsTaken = events.size();
        return fresh;
    }

    synchronized ObjectNode event(String id) {
        for (FakeGoCardlessEvent e : events) {
            if (e.id().equals(id)) {
                return parse(e.json());
            }
        }
        throw GcApiError.invalidApiUsage(404, "resource_not_found", "Resource not found");
    }

    ObjectNode parse(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("stored event is not JSON", e);
        }
    }

    // ---------------------------------------------------------------- idempotency

    synchronized String resourceForIdempotencyKey(String collection, String key) {
        return idempotencyKeys.get(collection + "\n" + key);
    }

    synchronized void rememberIdempotencyKey(String collection, String key, String id) {
        idempotencyKeys.put(collection + "\n" + key, id);
    }

    // ---------------------------------------------------------------- creating

    synchronized void renameCreditor(String name) {
        get("creditors", creditorId).put("name", name);
    }

    private String createCreditor(String name) {
        String id = newId("CR");
        ObjectNode c = json.createObjectNode();
        c.put("id", id);
        c.put("created_at", format(stamp()));
        c.put("name", name);
        c.putNull("address_line1");
        c.putNull("address_line2");
        c.putNull("address_line3");
        c.putNull("city");
        c.putNull("region");
        c.putNull("postal_code");
        c.put("country_code", "GB");
        c.putNull("logo_url");
        c.put("verification_status", "successful");
        c.put("can_create_refunds", true);
        c.putArray("scheme_identifiers");
        c.putObject("links");
        collections.get("creditors").put(id, c);
        return id;
    }

    synchronized ObjectNode createCustomer(JsonNode in) {
        String id = newId("CU");
        ObjectNode c = json.createObjectNode();
        c.put("id", id);
        c.put("created_at", format(stamp()));
        c.put("email", text(in, "email"));
        c.put("given_name", text(in, "given_name"));
        c.put("family_name", text(in, "family_name"));
        c.put("company_name", text(in, "company_name"));
        for (String f : List.of("address_line1", "address_line2", "address_line3", "city", "region",
                "postal_code", "phone_number", "swedish_identity_number", "danish_identity_number")) {
            c.put(f, text(in, f));
        }
        c.put("country_code", orDefault(text(in, "country_code"), "GB"));
        c.put("language", orDefault(text(in, "language"), "en"));
        c.set("metadata", metadata(in, "customers"));
        collections.get("customers").put(id, c);
        return c;
    }

    /** PUT /customers/{id}: the fields given replace the stored ones; metadata is replaced as a whole. */
    synchronized ObjectNode updateCustomer(String id, JsonNode in) {
        ObjectNode c = get("customers", id);
        for (String f : List.of("email", "given_name", "family_name", "company_name", "address_line1", "city",
                "postal_code", "country_code", "language", "phone_number")) {
            if (in.has(f)) {
                c.put(f, text(in, f));
            }
        }
        if (in.has("metadata")) {
            c.set("metadata", metadata(in, "customers"));
        }
        return c;
    }

    synchronized ObjectNode createBankAccount(JsonNode in) {
        String customerId = requiredLink(in, "customer", "customer_bank_accounts");
        get("customers", customerId);
        String accountNumber = orDefault(text(in, "account_number"), "55779911");
        String id = newId("BA");
        ObjectNode b = json.createObjectNode();
        b.put("id", id);
        b.put("created_at", format(stamp()));
        b.put("account_number_ending", accountNumber.substring(Math.max(0, accountNumber.length() - 2)));
        b.put("account_holder_name", orDefault(text(in, "account_holder_name"), "Account Holder"));
        b.putNull("account_type");
        b.put("bank_name", "FAKE BANK PLC");
        b.put("currency", orDefault(text(in, "currency"), "GBP"));
        b.put("country_code", orDefault(text(in, "country_code"), "GB"));
        b.set("metadata", metadata(in, "customer_bank_accounts"));
        b.put("enabled", true);
        b.putObject("links").put("customer", customerId);
        collections.get("customer_bank_accounts").put(id, b);
        return b;
    }

    synchronized ObjectNode createMandate(JsonNode in) {
        String bankAccountId = requiredLink(in, "customer_bank_account", "mandates");
        ObjectNode bankAccount = get("customer_bank_accounts", bankAccountId);
        String id = newId("MD");
        ObjectNode m = json.createObjectNode();
        m.put("id", id);
        m.put("created_at", format(stamp()));
        m.put("reference", orDefault(text(in, "reference"), "FAKE-" + id.substring(id.length() - 6)));
        m.put("status", "pending_submission");
        m.put("scheme", orDefault(text(in, "scheme"), "bacs"));
        m.put("next_possible_charge_date", today().plusDays(3).toString());
        m.put("payments_require_approval", false);
        m.set("metadata", metadata(in, "mandates"));
        ObjectNode links = m.putObject("links");
        links.put("customer_bank_account", bankAccountId);
        links.put("creditor", creditorId);
        links.put("customer", bankAccount.path("links").path("customer").asText());
        collections.get("mandates").put(id, m);
        addEvent("mandates", "created", id, Map.of(), EventDetail.MANDATE_CREATED);
        return m;
    }

    synchronized ObjectNode createPayment(JsonNode in) {
        long amount = positiveAmount(in, "payments");
        String currency = currency(in, "payments");
        String mandateId = requiredLink(in, "mandate", "payments");
        ObjectNode mandate = collections.get("mandates").get(mandateId);
        if (mandate == null) {
            throw GcApiError.validation("links.mandate", "could not be found", "/payments/links/mandate");
        }
        String mandateStatus = mandate.path("status").asText();
        if (!Set.of("pending_submission", "submitted", "active").contains(mandateStatus)) {
            throw GcApiError.invalidState422("mandate_is_inactive",
                    "The mandate is " + mandateStatus + " and cannot take new payments");
        }
        String earliest = mandate.path("next_possible_charge_date").asText(today().plusDays(3).toString());
        String chargeDate = text(in, "charge_date");
        if (chargeDate == null) {
            chargeDate = earliest;
        } else if (LocalDate.parse(chargeDate).isBefore(LocalDate.parse(earliest))) {
            throw GcApiError.validation("charge_date",
                    "must be on or after the mandate's next_possible_charge_date", "/payments/charge_date");
        }
        String id = newId("PM");
        ObjectNode p = json.createObjectNode();
        p.put("id", id);
        p.put("created_at", format(stamp()));
        p.put("charge_date", chargeDate);
        p.put("amount", amount);
        p.put("description", text(in, "description"));
        p.put("currency", currency);
        p.put("status", "pending_submission");
        p.put("amount_refunded", 0);
        p.put("reference", text(in, "reference"));
        p.set("metadata", metadata(in, "payments"));
        p.put("scheme", mandate.path("scheme").asText());
        p.put("retry_if_possible", in.path("retry_if_possible").asBoolean(false));
        ObjectNode links = p.putObject("links");
        links.put("mandate", mandateId);
        links.put("creditor", creditorId);
        collections.get("payments").put(id, p);
        addEvent("payments", "created", id, Map.of(), EventDetail.PAYMENT_CREATED);
        return p;
    }

    synchronized ObjectNode createRefund(JsonNode in) {
        long amount = positiveAmount(in, "refunds");
        String paymentId = requiredLink(in, "payment", "refunds");
        ObjectNode payment = collections.get("payments").get(paymentId);
        if (payment == null) {
            throw GcApiError.validation("links.payment", "could not be found", "/refunds/links/payment");
        }
        String status = payment.path("status").asText();
        if (!Set.of("confirmed", "paid_out").contains(status)) {
            throw GcApiError.invalidState422("refund_payment_invalid_state",
                    "A payment can be refunded once it is confirmed or paid out; it is " + status);
        }
        long alreadyRefunded = payment.path("amount_refunded").asLong();
        long total = alreadyRefunded + amount;
        if (total > payment.path("amount").asLong()) {
            throw GcApiError.validation("amount", "is more than the payment's unrefunded amount", "/refunds/amount");
        }
        JsonNode confirmation = in.get("total_amount_confirmation");
        if (confirmation != null && !confirmation.isNull() && confirmation.asLong() != total) {
            throw GcApiError.invalidState422("total_amount_confirmation_invalid",
                    "total_amount_confirmation does not match the total refunded amount of " + total);
        }
        String id = newId("RF");
        ObjectNode r = json.createObjectNode();
        r.put("id", id);
        r.put("created_at", format(stamp()));
        r.put("amount", amount);
        r.put("currency", payment.path("currency").asText());
        r.put("reference", text(in, "reference"));
        r.set("metadata", metadata(in, "refunds"));
        r.put("status", "created");
        ObjectNode links = r.putObject("links");
        links.put("payment", paymentId);
        links.put("mandate", payment.path("links").path("mandate").asText());
        payment.put("amount_refunded", total);
        collections.get("refunds").put(id, r);
        addEvent("refunds", "created", id, Map.of("payment", paymentId), EventDetail.REFUND_CREATED);
        return r;
    }

    // ---------------------------------------------------------------- state changes

    synchronized void transitionMandate(String id, String status, String action, EventDetail detail) {
        get("mandates", id).put("status", status);
        addEvent("mandates", action, id, Map.of(), detail);
    }

    synchronized void transitionPayment(String id, Set<String> allowedFrom, String status, String action,
                                        EventDetail detail, Map<String, String> extraLinks) {
        ObjectNode p = get("payments", id);
        String current = p.path("status").asText();
        if (!allowedFrom.contains(current)) {
            throw GcApiError.invalidState422("invalid_state",
                    "Payment " + id + " is " + current + " and cannot become " + status);
        }
        p.put("status", status);
        addEvent("payments", action, id, extraLinks, detail);
    }

    synchronized String paymentStatus(String id) {
        return get("payments", id).path("status").asText();
    }

    synchronized void transitionRefund(String id, String status, String action, EventDetail detail) {
        ObjectNode r = get("refunds", id);
        r.put("status", status);
        addEvent("refunds", action, id, Map.of("payment", r.path("links").path("payment").asText()), detail);
    }

    /** Cancels a mandate and, as GoCardless does, every payment on it that was not yet submitted. */
    synchronized void cancelMandate(String id) {
        transitionMandate(id, "cancelled", "cancelled", EventDetail.MANDATE_CANCELLED);
        for (ObjectNode p : collections.get("payments").values()) {
            if (id.equals(p.path("links").path("mandate").asText())
                    && Set.of("pending_submission", "pending_customer_approval").contains(p.path("status").asText())) {
                p.put("status", "cancelled");
                addEvent("payments", "cancelled", p.path("id").asText(), Map.of(),
                        EventDetail.PAYMENT_CANCELLED_WITH_MANDATE);
            }
        }
    }

    /**
     * Creates a paid payout from its lines: payments in it become paid_out and link to it, refunds
     * in it become paid. The amount is the sum of the lines rounded to whole minor units;
     * deducted_fees is what the fee lines took off.
     */
    synchronized String createPayout(String currency, List<PayoutLine> lines, LocalDate arrivalDate) {
        if (!CURRENCIES.contains(currency)) {
            throw new IllegalArgumentException("GoCardless does not pay out in " + currency);
        }
        for (PayoutLine line : lines) {
            if (line.paymentId() != null) {
                ObjectNode p = get("payments", line.paymentId());
                if (!currency.equals(p.path("currency").asText())) {
                    throw new IllegalArgumentException("Payment " + line.paymentId() + " is not in " + currency);
                }
            }
            if (line.refundId() != null) {
                get("refunds", line.refundId());
            }
        }
        String id = newId("PO");
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        List<ObjectNode> items = new ArrayList<>();
        for (PayoutLine line : lines) {
            sum = sum.add(line.amount());
            if (FEE_ITEM_TYPES.contains(line.type())) {
                fees = fees.subtract(line.amount());
            }
            ObjectNode item = json.createObjectNode();
            item.put("type", line.type());
            item.put("amount", decimalMinorUnits(line.amount()));
            item.putArray("taxes");
            ObjectNode links = item.putObject("links");
            if (line.paymentId() != null) {
                links.put("payment", line.paymentId());
            }
            if (line.refundId() != null) {
                links.put("refund", line.refundId());
            }
            if (line.mandateId() != null) {
                links.put("mandate", line.mandateId());
            }
            items.add(item);
        }
        ObjectNode po = json.createObjectNode();
        po.put("id", id);
        po.put("amount", sum.setScale(0, RoundingMode.HALF_UP).longValueExact());
        po.put("arrival_date", (arrivalDate != null ? arrivalDate : today().plusDays(1)).toString());
        po.put("created_at", format(stamp()));
        po.put("currency", currency);
        po.put("deducted_fees", fees.setScale(0, RoundingMode.HALF_UP).longValueExact());
        po.put("payout_type", "merchant");
        po.put("reference", "FAKE-" + id.substring(id.length() - 6));
        po.put("status", "paid");
        po.putNull("tax_currency");
        po.putObject("metadata");
        ObjectNode links = po.putObject("links");
        links.put("creditor", creditorId);
        links.put("creditor_bank_account", "BA" + creditorId.substring(2));
        collections.get("payouts").put(id, po);
        payoutItems.put(id, items);

        for (PayoutLine line : lines) {
            if ("payment_paid_out".equals(line.type())) {
                ObjectNode p = get("payments", line.paymentId());
                p.put("status", "paid_out");
                ((ObjectNode) p.get("links")).put("payout", id);
                addEvent("payments", "paid_out", line.paymentId(), Map.of("payout", id), EventDetail.PAYMENT_PAID_OUT);
            } else if ("refund".equals(line.type())) {
                transitionRefund(line.refundId(), "paid", "paid", EventDetail.REFUND_PAID);
            }
        }
        addEvent("payouts", "paid", id, Map.of(), EventDetail.PAYOUT_PAID);
        return id;
    }

    /** Payout item amounts are strings of minor units with at least one decimal, e.g. "1000.0". */
    private static String decimalMinorUnits(BigDecimal amount) {
        BigDecimal a = amount.stripTrailingZeros();
        return a.setScale(Math.max(1, a.scale())).toPlainString();
    }

    // ---------------------------------------------------------------- events

    private void addEvent(String collection, String action, String resourceId, Map<String, String> extraLinks,
                          EventDetail detail) {
        String id = newId("EV");
        Instant createdAt = stamp();
        ObjectNode e = json.createObjectNode();
        e.put("id", id);
        e.put("created_at", format(createdAt));
        e.put("resource_type", collection);
        e.put("action", action);
        ObjectNode links = e.putObject("links");
        links.put(singular(collection), resourceId);
        extraLinks.forEach(links::put);
        ObjectNode details = e.putObject("details");
        details.put("origin", detail.origin());
        details.put("cause", detail.cause());
        details.put("description", detail.description());
        if (detail.scheme() != null) {
            details.put("scheme", detail.scheme());
            details.put("reason_code", detail.reasonCode());
        }
        e.putObject("metadata");
        JsonNode resourceMetadata = collections.get(collection).get(resourceId).get("metadata");
        e.set("resource_metadata", resourceMetadata == null ? json.createObjectNode() : resourceMetadata.deepCopy());
        Map<String, String> linkMap = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = links.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            linkMap.put(f.getKey(), f.getValue().asText());
        }
        events.add(new FakeGoCardlessEvent(id, createdAt, collection, action, linkMap, detail.cause(), e.toString()));
    }

    // ---------------------------------------------------------------- billing requests

    /** A billing request with a mandate request; GoCardless creates a customer when none is linked. */
    synchronized ObjectNode createBillingRequest(JsonNode in) {
        JsonNode mandateRequest = in.get("mandate_request");
        if (mandateRequest == null || !mandateRequest.isObject()) {
            throw GcApiError.validation("mandate_request", "can't be blank", "/billing_requests/mandate_request");
        }
        String currency = text(mandateRequest, "currency");
        if (currency == null || !CURRENCIES.contains(currency)) {
            throw GcApiError.validation("mandate_request.currency", "is not supported", "/billing_requests/mandate_request/currency");
        }
        String customerId = in.path("links").path("customer").asText(null);
        if (customerId != null) {
            get("customers", customerId);
        } else {
            customerId = createCustomer(json.createObjectNode()).path("id").asText();
        }
        String id = newId("BRQ");
        ObjectNode brq = json.createObjectNode();
        brq.put("id", id);
        brq.put("created_at", format(stamp()));
        brq.put("status", "pending");
        ObjectNode request = brq.putObject("mandate_request");
        request.put("currency", currency);
        request.put("scheme", orDefault(text(mandateRequest, "scheme"), "bacs"));
        brq.set("metadata", metadata(in, "billing_requests"));
        ObjectNode links = brq.putObject("links");
        links.put("customer", customerId);
        links.put("creditor", creditorId);
        links.put("mandate_request", "MRQ" + id.substring(3));
        collections.get("billing_requests").put(id, brq);
        addEvent("billing_requests", "created", id, Map.of("customer", customerId), EventDetail.of("api",
                "billing_request_created", "This billing request has been created."));
        return brq;
    }

    /** The hosted flow of a billing request: its authorisation URL is where the payer goes. */
    synchronized ObjectNode createBillingRequestFlow(JsonNode in, String baseUrl) {
        String brqId = requiredLink(in, "billing_request", "billing_request_flows");
        ObjectNode brq = get("billing_requests", brqId);
        ObjectNode customer = get("customers", brq.path("links").path("customer").asText());
        JsonNode prefilled = in.path("prefilled_customer");
        for (String field : List.of("email", "given_name", "family_name", "company_name")) {
            if (prefilled.hasNonNull(field) && (customer.path(field).isNull() || customer.path(field).asText().isEmpty())) {
                customer.put(field, prefilled.path(field).asText());
            }
        }
        String id = newId("BRF");
        ObjectNode flow = json.createObjectNode();
        flow.put("id", id);
        flow.put("created_at", format(stamp()));
        flow.put("authorisation_url", baseUrl + "/billing/static/flow?id=" + id);
        flow.put("auto_fulfil", true);
        flow.put("redirect_uri", text(in, "redirect_uri"));
        flow.putObject("links").put("billing_request", brqId);
        collections.get("billing_request_flows").put(id, flow);
        return flow;
    }

    /**
     * The payer completes the flow: a bank account and a mandate (pending_submission) are created and the
     * billing request is fulfilled. Returns the mandate id.
     */
    synchronized String fulfilBillingRequest(String brqId, String accountHolderName) {
        ObjectNode brq = get("billing_requests", brqId);
        if (!"pending".equals(brq.path("status").asText())) {
            throw GcApiError.invalidState422("billing_request_not_pending", "This billing request is " + brq.path("status").asText());
        }
        String customerId = brq.path("links").path("customer").asText();
        ObjectNode account = json.createObjectNode();
        account.put("account_holder_name", accountHolderName);
        account.putObject("links").put("customer", customerId);
        String bankAccountId = createBankAccount(account).path("id").asText();
        ObjectNode mandate = json.createObjectNode();
        mandate.put("scheme", brq.path("mandate_request").path("scheme").asText());
        mandate.putObject("links").put("customer_bank_account", bankAccountId);
        String mandateId = createMandate(mandate).path("id").asText();
        brq.put("status", "fulfilled");
        ObjectNode links = (ObjectNode) brq.path("links");
        links.put("customer_bank_account", bankAccountId);
        links.put("mandate_request_mandate", mandateId);
        addEvent("billing_requests", "fulfilled", brqId, Map.of("customer", customerId, "customer_bank_account",
                bankAccountId, "mandate_request_mandate", mandateId), EventDetail.of("gocardless",
                "billing_request_fulfilled", "This billing request has been fulfilled, and the resources have been created."));
        return mandateId;
    }

    // ---------------------------------------------------------------- request field helpers

    private static String text(JsonNode in, String field) {
        JsonNode v = in.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String requiredLink(JsonNode in, String link, String envelope) {
        JsonNode v = in.path("links").get(link);
        if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
            throw GcApiError.validation("links." + link, "can't be blank", "/" + envelope + "/links/" + link);
        }
        return v.asText();
    }

    private static long positiveAmount(JsonNode in, String envelope) {
        JsonNode v = in.get("amount");
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 1) {
            throw GcApiError.validation("amount", "must be a whole number of minor units greater than 0",
                    "/" + envelope + "/amount");
        }
        return v.asLong();
    }

    private static String currency(JsonNode in, String envelope) {
        String c = text(in, "currency");
        if (c == null || !CURRENCIES.contains(c)) {
            throw GcApiError.validation("currency", "must be one of " + String.join(", ", CURRENCIES.stream().sorted().toList()),
                    "/" + envelope + "/currency");
        }
        return c;
    }

    private ObjectNode metadata(JsonNode in, String envelope) {
        JsonNode m = in.get("metadata");
        ObjectNode out = json.createObjectNode();
        if (m == null || m.isNull()) {
            return out;
        }
        if (!m.isObject() || m.size() > MAX_METADATA_KEYS) {
            throw GcApiError.validation("metadata", "must be an object with no more than " + MAX_METADATA_KEYS
                    + " keys", "/" + envelope + "/metadata");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = m.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getValue().isTextual()) {
                throw GcApiError.validation("metadata", "values must be strings", "/" + envelope + "/metadata");
            }
            out.put(f.getKey(), f.getValue().asText());
        }
        return out;
    }
}
