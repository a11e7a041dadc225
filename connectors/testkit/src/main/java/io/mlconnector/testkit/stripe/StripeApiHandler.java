package io.mlconnector.testkit.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlconnector.testkit.gocardless.RecordedRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Speaks Stripe's v1 wire format: bearer (or basic) authentication with secret and restricted keys,
 * form-encoded parameters, JSON answers, Stripe's error envelope, {@code Idempotency-Key} on POST
 * (same key and parameters → the first answer again with {@code Idempotent-Replayed: true}; same key
 * and other parameters → 400 {@code idempotency_error}), list pages and {@code expand[]}.
 */
final class StripeApiHandler implements HttpHandler {

    /** A remembered POST: what was asked and what was answered. */
    private record Saved(String fingerprint, int status, byte[] body) {
    }

    private final StripeStore store;
    private final StripeObjects objects;
    private final StripeFaults faults;
    private final StripeKeys keys;
    private final Clock clock;
    private final ObjectMapper json;
    private final List<RecordedRequest> requests;
    private final Map<String, Saved> idempotent = new HashMap<>();

    StripeApiHandler(StripeStore store, StripeObjects objects, StripeFaults faults, StripeKeys keys, Clock clock,
                     List<RecordedRequest> requests) {
        this.store = store;
        this.objects = objects;
        this.faults = faults;
        this.keys = keys;
        this.clock = clock;
        this.json = store.json;
        this.requests = requests;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Map<String, String> query = new LinkedHashMap<>();
            FormParams.parse(json, rawQuery).fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue().toString()));
            requests.add(new RecordedRequest(method, path, query, headers, body));
            exchange.getResponseHeaders().set("Request-Id", "req_" + UUID.randomUUID().toString().replace("-", ""));
            exchange.getResponseHeaders().set("Stripe-Version", FakeStripe.API_VERSION);
            try {
                StripeKeys.Key key = keys.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
                StripeFaults.Fault fault = faults.decide(clock.instant());
                if (fault != null) {
                    if (fault.shouldRetry() != null) {
                        exchange.getResponseHeaders().set("Stripe-Should-Retry", fault.shouldRetry().toString());
                    }
                    throw fault.error();
                }
                ObjectNode params = FormParams.parse(json, "GET".equals(method) || "DELETE".equals(method)
                        ? rawQuery : body);
                String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                if ("POST".equals(method) && idempotencyKey != null) {
                    if (idempotencyKey.length() > 255) {
                        throw StripeApiError.invalid("Idempotency-Key must be at most 255 characters", null);
                    }
                    answerIdempotently(exchange, key, idempotencyKey, path, params);
                } else {
                    byte[] out = json.writeValueAsBytes(route(method, path, params, key));
                    send(exchange, 200, out);
                }
            } catch (StripeApiError e) {
                send(exchange, e.status, errorBody(e));
            } catch (RuntimeException e) {
                send(exchange, 500, errorBody(StripeApiError.serverError(500)));
            }
        }
    }

    private void answerIdempotently(HttpExchange exchange, StripeKeys.Key key, String idempotencyKey, String path,
                                    ObjectNode params) throws IOException {
        String fingerprint = path + "?" + params;
        String scope = key.mode() + ":" + idempotencyKey;
        Saved saved;
        synchronized (idempotent) {
            saved = idempotent.get(scope);
            if (saved == null) {
                int status;
                byte[] out;
                try {
                    out = json.writeValueAsBytes(route("POST", path, params, key));
                    status = 200;
                } catch (StripeApiError e) {
                    out = errorBody(e);
                    status = e.status;
                }
                idempotent.put(scope, new Saved(fingerprint, status, out));
                send(exchange, status, out);
                return;
            }
        }
        if (!saved.fingerprint().equals(fingerprint)) {
            throw StripeApiError.idempotencyMismatch(idempotencyKey);
        }
        exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        send(exchange, saved.status(), saved.body());
    }

    private JsonNode route(String method, String path, ObjectNode params, StripeKeys.Key key) {
        if (!path.startsWith("/v1/")) {
            throw StripeApiError.unknownRoute(method, path);
        }
        String[] parts = path.substring(4).split("/");
        String resource = parts[0];
        String id = parts.length > 1 ? parts[1] : null;
        String action = parts.length > 2 ? parts[2] : null;
        keys.authorize(key, resource, "GET".equals(method) ? "read" : "write");
        List<String> expand = new ArrayList<>();
        params.path("expand").forEach(e -> expand.add(e.asText()));
        JsonNode answer = switch (resource + (id == null ? "" : action == null ? "/:id" : "/:id/" + action) + " "
                + method) {
            case "account GET" -> keys.account(store.livemode);
            case "customers POST" -> stamp(objects.createCustomer(params), key);
            case "customers/:id POST" -> objects.updateCustomer(id, params);
            case "invoices POST" -> stamp(objects.createInvoice(params), key);
            case "invoiceitems POST" -> stamp(objects.createInvoiceItem(params), key);
            case "invoices/:id/finalize POST" -> objects.finalizeInvoice(id);
            case "invoices/:id/send POST" -> objects.sendInvoice(id);
            case "customers GET" -> list(path, "customer", params, n -> matches(n, params, "email"));
            case "payment_intents GET" -> list(path, "payment_intent", params, n -> matches(n, params, "customer"));
            case "charges GET" -> list(path, "charge", params,
                    n -> matches(n, params, "customer") && matches(n, params, "payment_intent"));
            case "refunds GET" -> list(path, "refund", params,
                    n -> matches(n, params, "charge") && matches(n, params, "payment_intent"));
            case "disputes GET" -> list(path, "dispute", params,
                    n -> matches(n, params, "charge") && matches(n, params, "payment_intent"));
            case "invoices GET" -> list(path, "invoice", params,
                    n -> matches(n, params, "customer") && matches(n, params, "status"));
            case "invoice_payments GET" -> list(path, "invoice_payment", params, n -> matches(n, params, "invoice")
                    && (!params.has("payment") || params.path("payment").path("payment_intent").asText()
                    .equals(n.path("payment").path("payment_intent").asText())));
            case "payouts GET" -> list(path, "payout", params, n -> matches(n, params, "status"));
            case "balance_transactions GET" -> list(path, "balance_transaction", params,
                    n -> matches(n, params, "type") && (!params.has("payout")
                            || params.get("payout").asText().equals(n.path("_payout").asText())));
            case "events GET" -> list(path, "event", params, n -> matches(n, params, "type"));
            default -> {
                if (id != null && action == null && "GET".equals(method) && TYPES.containsKey(resource)) {
                    yield store.get(TYPES.get(resource), id).deepCopy();
                }
                throw StripeApiError.unknownRoute(method, path);
            }
        };
        ObjectNode out = answer.deepCopy();
        store.expand(out, expand);
        hideInternals(out);
        return out;
    }

    private static final Map<String, String> TYPES = Map.of("customers", "customer", "payment_intents",
            "payment_intent", "charges", "charge", "refunds", "refund", "disputes", "dispute", "invoices", "invoice",
            "payouts", "payout", "balance_transactions", "balance_transaction", "events", "event",
            "invoice_payments", "invoice_payment");

    private ObjectNode stamp(ObjectNode created, StripeKeys.Key key) {
        created.put("livemode", key.live());
        return created;
    }

    private ObjectNode list(String path, String type, JsonNode params, Predicate<ObjectNode> filter) {
        return store.page(path, store.all(type, filter), params);
    }

    private static boolean matches(ObjectNode node, JsonNode params, String field) {
        return !params.has(field) || params.get(field).asText().equals(node.path(field).asText());
    }

    /** The fake's own bookkeeping fields start with an underscore and never leave it. */
    private static void hideInternals(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            List<String> hidden = new ArrayList<>();
            names.forEachRemaining(n -> {
                if (n.startsWith("_")) {
                    hidden.add(n);
                }
            });
            object.remove(hidden);
            object.forEach(StripeApiHandler::hideInternals);
        } else if (node instanceof ArrayNode array) {
            array.forEach(StripeApiHandler::hideInternals);
        }
    }

    private byte[] errorBody(StripeApiError e) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        if (e.code != null) {
            error.put("code", e.code);
        }
        error.put("message", e.getMessage());
        if (e.param != null) {
            error.put("param", e.param);
        }
        error.put("request_log_url", "https://dashboard.stripe.com/test/logs");
        error.put("type", e.type);
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
