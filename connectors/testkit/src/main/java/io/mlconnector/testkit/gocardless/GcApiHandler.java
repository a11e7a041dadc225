package io.mlconnector.testkit.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Speaks the GoCardless REST wire format: bearer authentication, the {@code GoCardless-Version}
 * header, resource-keyed JSON envelopes, cursor-paginated lists, {@code Idempotency-Key} on creates,
 * and GoCardless's error envelope for every failure.
 */
final class GcApiHandler implements HttpHandler {

    static final String API_VERSION = "2015-07-06";

    private static final Set<String> CREATABLE = Set.of("customers", "customer_bank_accounts", "mandates", "billing_requests", "billing_request_flows",
            "payments", "refunds");
    private static final Set<String> FIELD_FILTERS = Set.of("status", "currency", "reference", "resource_type",
            "action", "scheme", "enabled");
    private static final Set<String> LINK_FILTERS = Set.of("customer", "mandate", "payment", "payout", "creditor",
            "customer_bank_account", "refund", "subscription");

    /** What goes back: status, JSON body and extra headers. */
    private record Answer(int status, ObjectNode body, Map<String, String> headers) {
    }

    /** A payout item with the opaque cursor the fake pages it by. */
    private record Keyed(String cursor, ObjectNode node) {
    }

    private final GcStore store;
    private final FaultInjector faults;
    private final ObjectMapper json;
    private final Supplier<Set<String>> acceptedTokens;
    private final Supplier<String> baseUrl;
    private final List<RecordedRequest> requests;

    GcApiHandler(GcStore store, FaultInjector faults, ObjectMapper json, Supplier<Set<String>> acceptedTokens,
                 Supplier<String> baseUrl, List<RecordedRequest> requests) {
        this.store = store;
        this.faults = faults;
        this.json = json;
        this.acceptedTokens = acceptedTokens;
        this.baseUrl = baseUrl;
        this.requests = requests;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] rawBody = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            URI uri = exchange.getRequestURI();
            Map<String, String> query = parseQuery(uri.getRawQuery());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String body = new String(rawBody, StandardCharsets.UTF_8);
            requests.add(new RecordedRequest(method, uri.getPath(), query, headers, body));

            String requestId = UUID.randomUUID().toString();
            FaultInjector.Decision decision = faults.decide(store.now());
            Answer answer;
            try {
                if (decision.failBefore() != null) {
                    throw decision.failBefore();
                }
                authenticate(first(headers, "authorization"));
                checkVersion(first(headers, "gocardless-version"));
                answer = route(method, uri.getPath(), query, headers, body);
                if (decision.failAfter()) {
                    throw GcApiError.internal(500);
                }
            } catch (GcApiError e) {
                answer = new Answer(e.status(), e.toEnvelope(json, requestId), Map.of());
            }
            byte[] out = json.writeValueAsBytes(answer.body());
            var responseHeaders = exchange.getResponseHeaders();
            responseHeaders.set("Content-Type", "application/json");
            responseHeaders.set("RateLimit-Limit", Integer.toString(decision.limit()));
            responseHeaders.set("RateLimit-Remaining", Integer.toString(decision.remaining()));
            responseHeaders.set("RateLimit-Reset", decision.reset());
            responseHeaders.set("X-Request-Id", requestId);
            answer.headers().forEach(responseHeaders::set);
            exchange.sendResponseHeaders(answer.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private void authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw GcApiError.invalidApiUsage(401, "missing_authorization_header",
                    "No Authorization header was supplied");
        }
        if (!authorization.startsWith("Bearer ")) {
            throw GcApiError.invalidApiUsage(401, "invalid_authorization_header",
                    "The Authorization header must be 'Bearer <access token>'");
        }
        if (!acceptedTokens.get().contains(authorization.substring("Bearer ".length()).trim())) {
            throw GcApiError.invalidApiUsage(401, "access_token_not_found",
                    "The access token was not recognised");
        }
    }

    private static void checkVersion(String version) {
        if (version == null || version.isBlank()) {
            throw GcApiError.invalidApiUsage(400, "missing_version_header",
                    "A GoCardless-Version header is required");
        }
        if (!API_VERSION.equals(version.trim())) {
            throw GcApiError.invalidApiUsage(400, "version_not_found",
                    "GoCardless-Version " + version + " is not a known API version");
        }
    }

    private Answer route(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
                         String body) {
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        if (segments.isEmpty()) {
            throw pathNotFound();
        }
        String collection = segments.get(0);
        if ("GET".equals(method) && segments.size() == 1) {
            return list(collection, query);
        }
        if ("GET".equals(method) && segments.size() == 2) {
            return show(collection, segments.get(1));
        }
        if ("POST".equals(method) && segments.size() == 1) {
            return create(collection, first(headers, "content-type"), first(headers, "idempotency-key"), body);
        }
        if ("POST".equals(method) && segments.size() == 4 && "actions".equals(segments.get(2))) {
            return action(collection, segments.get(1), segments.get(3));
        }
        if ("PUT".equals(method) && segments.size() == 2 && "customers".equals(collection)) {
            JsonNode params = envelopeContent(collection, body);
            return envelope(collection, store.updateCustomer(segments.get(1), params));
        }
        if (Set.of("GET", "POST", "PUT").contains(method)) {
            throw pathNotFound();
        }
        throw GcApiError.invalidApiUsage(405, "method_not_allowed", "Method " + method + " is not allowed here");
    }

    // ---------------------------------------------------------------- reads

    private Answer show(String collection, String id) {
        if ("events".equals(collection)) {
            return envelope(collection, store.event(id));
        }
        if (!store.isCollection(collection)) {
            throw pathNotFound();
        }
        return envelope(collection, store.snapshot(collection, id));
    }

    private Answer list(String collection, Map<String, String> query) {
        int limit = CursorWindow.limit(query.get("limit"));
        String after = query.get("after");
        String before = query.get("before");
        if ("payout_items".equals(collection)) {
            String payoutId = query.get("payout");
            if (payoutId == null || payoutId.isBlank()) {
                throw GcApiError.validation("payout", "can't be blank", "/payout");
            }
            List<ObjectNode> items = store.payoutItems(payoutId);
            List<Keyed> keyed = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                keyed.add(new Keyed(payoutId + "_" + i, items.get(i)));
            }
            CursorWindow<Keyed> window = CursorWindow.of(keyed, Keyed::cursor, after, before, limit);
            return page(collection, window.items().stream().map(Keyed::node).toList(), window, limit);
        }
        List<ObjectNode> all;
        if ("events".equals(collection)) {
            List<FakeGoCardlessEvent> events = new ArrayList<>(store.events());
            java.util.Collections.reverse(events);
            all = events.stream().map(e -> store.parse(e.json())).toList();
        } else if (store.isCollection(collection)) {
            all = store.listNewestFirst(collection);
        } else {
            throw pathNotFound();
        }
        Predicate<ObjectNode> filter = filterFor(collection, query);
        List<ObjectNode> matching = all.stream().filter(filter).map(ObjectNode::deepCopy).toList();
        CursorWindow<ObjectNode> window = CursorWindow.of(matching, n -> n.path("id").asText(), after, before, limit);
        return page(collection, window.items(), window, limit);
    }

    private Answer page(String collection, List<ObjectNode> items, CursorWindow<?> window, int limit) {
        ObjectNode root = json.createObjectNode();
        var array = root.putArray(collection);
        items.forEach(array::add);
        ObjectNode meta = root.putObject("meta");
        ObjectNode cursors = meta.putObject("cursors");
        cursors.put("before", window.before());
        cursors.put("after", window.after());
        meta.put("limit", limit);
        return new Answer(200, root, Map.of());
    }

    private Predicate<ObjectNode> filterFor(String collection, Map<String, String> query) {
        Predicate<ObjectNode> p = n -> true;
        for (Map.Entry<String, String> q : query.entrySet()) {
            String key = q.getKey();
            String value = q.getValue();
            if (key.startsWith("created_at[") && key.endsWith("]")) {
                String op = key.substring("created_at[".length(), key.length() - 1);
                Instant bound = instant(key, value);
                p = p.and(n -> compare(Instant.parse(n.path("created_at").asText()), op, bound));
            } else if (FIELD_FILTERS.contains(key)) {
                Set<String> accepted = Set.of(value.split(","));
                p = p.and(n -> accepted.contains(n.path(key).asText()));
            } else if (LINK_FILTERS.contains(key)) {
                p = p.and(n -> value.equals(link(collection, n, key)));
            }
        }
        return p;
    }

    private String link(String collection, ObjectNode node, String link) {
        JsonNode direct = node.path("links").get(link);
        if (direct != null && !direct.isNull()) {
            return direct.asText();
        }
        // GoCardless payments link to their mandate; the customer is one step further.
        if ("payments".equals(collection) && "customer".equals(link)) {
            String mandateId = node.path("links").path("mandate").asText(null);
            return mandateId == null ? null : store.snapshot("mandates", mandateId).path("links").path("customer").asText(null);
        }
        return null;
    }

    private static Instant instant(String key, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw GcApiError.validation(key, "must be an ISO 8601 timestamp", "/" + key);
        }
    }

    private static boolean compare(Instant created, String op, Instant bound) {
        return switch (op) {
            case "gt" -> created.isAfter(bound);
            case "gte" -> !created.isBefore(bound);
            case "lt" -> created.isBefore(bound);
            case "lte" -> !created.isAfter(bound);
            default -> throw GcApiError.validation("created_at", "unknown comparison " + op, "/created_at");
        };
    }

    // ---------------------------------------------------------------- writes

    private Answer create(String collection, String contentType, String idempotencyKey, String body) {
        if (!CREATABLE.contains(collection)) {
            if (store.isCollection(collection) || "events".equals(collection)) {
                throw GcApiError.invalidApiUsage(405, "method_not_allowed",
                        "Method POST is not allowed on " + collection);
            }
            throw pathNotFound();
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw GcApiError.invalidApiUsage(415, "invalid_content_type",
                    "Requests with a body must use the application/json content type");
        }
        JsonNode params = envelopeContent(collection, body);
        synchronized (store) {
            if (idempotencyKey != null) {
                String existing = store.resourceForIdempotencyKey(collection, idempotencyKey);
                if (existing != null) {
                    throw GcApiError.invalidState("idempotent_creation_conflict",
                            "A resource has already been created with this idempotency key",
                            Map.of("conflicting_resource_id", existing));
                }
            }
            ObjectNode created = switch (collection) {
                case "customers" -> store.createCustomer(params);
                case "customer_bank_accounts" -> store.createBankAccount(params);
                case "mandates" -> store.createMandate(params);
                case "payments" -> store.createPayment(params);
                case "refunds" -> store.createRefund(params);
                case "billing_requests" -> store.createBillingRequest(params);
                case "billing_request_flows" -> store.createBillingRequestFlow(params, baseUrl.get());
                default -> throw pathNotFound();
            };
            String id = created.path("id").asText();
            if (idempotencyKey != null) {
                store.rememberIdempotencyKey(collection, idempotencyKey, id);
            }
            ObjectNode root = json.createObjectNode();
            root.set(collection, created.deepCopy());
            return new Answer(201, root, Map.of("Location", baseUrl.get() + "/" + collection + "/" + id));
        }
    }

    private Answer action(String collection, String id, String action) {
        if (!"cancel".equals(action)) {
            throw pathNotFound();
        }
        synchronized (store) {
            if ("payments".equals(collection)) {
                String status = store.paymentStatus(id);
                if (!Set.of("pending_submission", "pending_customer_approval").contains(status)) {
                    throw GcApiError.invalidState422("cancellation_failed",
                            "This payment is " + status + " and can no longer be cancelled");
                }
                store.transitionPayment(id, Set.of(status), "cancelled", "cancelled",
                        EventDetail.PAYMENT_CANCELLED, Map.of());
                return envelope(collection, store.snapshot(collection, id));
            }
            if ("mandates".equals(collection)) {
                String status = store.snapshot("mandates", id).path("status").asText();
                if (Set.of("cancelled", "failed", "expired", "consumed").contains(status)) {
                    throw GcApiError.invalidState422("cancellation_failed",
                            "This mandate is " + status + " and cannot be cancelled");
                }
                store.cancelMandate(id);
                return envelope(collection, store.snapshot(collection, id));
            }
        }
        throw pathNotFound();
    }

    /** The request body must be {@code {"<collection>": {...}}}. */
    private JsonNode envelopeContent(String collection, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        JsonNode content = root == null ? null : root.get(collection);
        if (content == null || !content.isObject()) {
            throw GcApiError.invalidApiUsage(400, "invalid_document_structure",
                    "The request body must be a JSON object with a '" + collection + "' object");
        }
        return content;
    }

    private Answer envelope(String collection, ObjectNode node) {
        ObjectNode root = json.createObjectNode();
        root.set(collection, node);
        return new Answer(200, root, Map.of());
    }

    private static GcApiError pathNotFound() {
        return GcApiError.invalidApiUsage(404, "path_not_found", "The requested path does not exist");
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(key, value);
        }
        return query;
    }
}
