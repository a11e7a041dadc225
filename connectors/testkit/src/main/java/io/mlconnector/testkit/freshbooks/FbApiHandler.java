package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FreshBooks' REST wire format: bearer tokens, {@code {"response":{"result":…}}} envelopes,
 * {@code page}/{@code per_page} paging (at most 100), {@code search[...]} filters, errors as
 * {@code response.errors[]}, and injected 429s and 5xx.
 */
final class FbApiHandler implements HttpHandler {

    private static final Pattern ACCOUNTING =
            Pattern.compile("/accounting/account/([^/]+)/(users/clients|invoices/invoices|payments/payments|expenses/expenses|expenses/categories)(?:/(\\d+))?");
    private static final Pattern CALLBACKS = Pattern.compile("/events/account/([^/]+)/events/callbacks(?:/(\\d+))?");

    private final FbStore store;
    private final ObjectMapper json;
    private final Predicate<String> tokens;
    private final FakeFreshBooks.Faults faults;
    private final List<String> requests;

    FbApiHandler(FbStore store, ObjectMapper json, Predicate<String> tokens, FakeFreshBooks.Faults faults,
                 List<String> requests) {
        this.store = store;
        this.json = json;
        this.tokens = tokens;
        this.faults = faults;
        this.requests = requests;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        try {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !tokens.test(auth.substring(7))) {
                ObjectNode body = json.createObjectNode();
                body.put("error", "unauthenticated");
                body.put("error_description", "This action requires authentication to continue.");
                send(exchange, 401, body);
                return;
            }
            int injected = faults.next();
            if (injected != 0) {
                send(exchange, injected, errors(injected == 429 ? "Too Many Requests" : "Internal Server Error", null));
                return;
            }
            JsonNode in = readBody(exchange);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            send(exchange, 200, route(method, path, in, query));
        } catch (FbError e) {
            send(exchange, e.status, errors(e.getMessage(), e.field));
        } catch (RuntimeException e) {
            send(exchange, 400, errors("Bad request: " + e.getMessage(), null));
        } finally {
            exchange.close();
        }
    }

    private ObjectNode route(String method, String path, JsonNode in, Map<String, String> query) {
        if (path.equals("/auth/api/v1/users/me") && method.equals("GET")) {
            return identity();
        }
        Matcher callbacks = CALLBACKS.matcher(path);
        if (callbacks.matches()) {
            requireAccount(callbacks.group(1));
            String id = callbacks.group(2);
            return switch (method) {
                case "GET" -> id == null ? list("callbacks", store.callbacks(), query) : one("callback", callbackOf(id));
                case "POST" -> one("callback", store.createCallback(in.path("callback")));
                case "PUT" -> one("callback", store.updateCallback(id, in.path("callback")));
                case "DELETE" -> {
                    store.deleteCallback(id);
                    yield envelope(json.createObjectNode());
                }
                default -> throw FbError.notFound(path);
            };
        }
        Matcher accounting = ACCOUNTING.matcher(path);
        if (!accounting.matches()) {
            throw FbError.notFound(path);
        }
        requireAccount(accounting.group(1));
        String resource = accounting.group(2);
        String id = accounting.group(3);
        Map<String, String> search = search(query);
        return switch (resource + " " + method + (id == null ? "" : " id")) {
            case "users/clients GET" -> list("clients", store.clients(search), query);
            case "users/clients GET id" -> one("client", store.client(id));
            case "users/clients POST" -> one("client", store.createClient(in.path("client")));
            case "users/clients PUT id" -> one("client", store.updateClient(id, in.path("client")));
            case "invoices/invoices GET" -> list("invoices", store.invoices(search), query);
            case "invoices/invoices GET id" -> one("invoice", store.invoice(id));
            case "invoices/invoices POST" -> one("invoice", store.createInvoice(in.path("invoice")));
            case "invoices/invoices PUT id" -> one("invoice", store.updateInvoice(id, in.path("invoice")));
            case "payments/payments GET" -> list("payments", store.payments(search), query);
            case "payments/payments GET id" -> one("payment", store.payment(id));
            case "payments/payments POST" -> one("payment", store.createPayment(in.path("payment")));
            case "payments/payments PUT id" -> one("payment", store.updatePayment(id, in.path("payment")));
            case "expenses/expenses GET" -> list("expenses", store.expenses(), query);
            case "expenses/expenses GET id" -> one("expense", store.expense(id));
            case "expenses/expenses POST" -> one("expense", store.createExpense(in.path("expense")));
            case "expenses/categories GET" -> list("categories", store.categories(), query);
            default -> throw FbError.notFound(method + " " + path);
        };
    }

    private ObjectNode callbackOf(String id) {
        return store.callbacks().stream().filter(c -> c.path("callbackid").asText().equals(id)).findFirst()
                .orElseThrow(() -> FbError.notFound("callback " + id));
    }

    private void requireAccount(String accountId) {
        if (!store.accountId.equals(accountId)) {
            throw new FbError(403, null, "The user does not have access to account " + accountId + ".");
        }
    }

    private ObjectNode identity() {
        ObjectNode body = json.createObjectNode();
        ObjectNode me = body.putObject("response");
        me.put("id", Long.parseLong(store.userId));
        me.put("identity_id", Long.parseLong(store.identityId));
        me.put("first_name", "Fran");
        me.put("last_name", "Books");
        me.put("email", "owner@example.com");
        ArrayNode memberships = me.putArray("business_memberships");
        ObjectNode membership = memberships.addObject();
        membership.put("id", 1);
        membership.put("role", "owner");
        ObjectNode business = membership.putObject("business");
        business.put("id", Long.parseLong(store.businessId));
        business.put("name", "Fake Books Ltd");
        business.put("account_id", store.accountId);
        business.put("timezone", "Europe/London");
        return body;
    }

    private ObjectNode list(String name, List<ObjectNode> all, Map<String, String> query) {
        int perPage = Math.max(1, Math.min(100, parse(query.get("per_page"), 15)));
        int page = Math.max(1, parse(query.get("page"), 1));
        int pages = Math.max(1, (all.size() + perPage - 1) / perPage);
        ObjectNode result = json.createObjectNode();
        ArrayNode items = result.putArray(name);
        all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(items::add);
        result.put("page", page);
        result.put("pages", pages);
        result.put("per_page", perPage);
        result.put("total", all.size());
        return envelope(result);
    }

    private ObjectNode one(String name, ObjectNode item) {
        ObjectNode result = json.createObjectNode();
        result.set(name, item);
        return envelope(result);
    }

    private ObjectNode envelope(ObjectNode result) {
        ObjectNode body = json.createObjectNode();
        body.putObject("response").set("result", result);
        return body;
    }

    private ObjectNode errors(String message, String field) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("response").putArray("errors").addObject();
        error.put("errno", 1001);
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        return body;
    }

    private JsonNode readBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static Map<String, String> search(Map<String, String> query) {
        Map<String, String> search = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (k.startsWith("search[") && k.endsWith("]")) {
                search.put(k.substring(7, k.length() - 1), v);
            }
        });
        return search;
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
