package io.mlconnector.testkit.zuora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Zuora's REST wire format: the client-credentials token endpoint, bearer tokens that lapse after an
 * hour, v1 account create/update with {@code Idempotency-Key}, Object Query reads and lists
 * ({@code filter[]}, {@code sort[]}, {@code expand[]}, {@code pageSize} 1–99, {@code cursor} and
 * {@code nextPage}), 429 for the rate limit and for {@code REQUEST_EXCEEDED_LIMIT} when more requests
 * are in flight than the tenant's concurrent limit.
 */
final class ZuoraApiHandler implements HttpHandler {

    private final FakeZuora fake;
    private final ZuoraStore store;
    private final ObjectMapper json;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, JsonNode> idempotent = new LinkedHashMap<>();

    ZuoraApiHandler(FakeZuora fake, ZuoraStore store, ObjectMapper json) {
        this.fake = fake;
        this.store = store;
        this.json = json;
    }

    private record Answer(int status, JsonNode body, Map<String, String> headers) {
        static Answer ok(JsonNode body) {
            return new Answer(200, body, Map.of());
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        fake.sawConcurrent(now);
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            fake.record(new FakeZuora.Request(method, path, query, headers, body));
            Answer answer = answer(method, path, query, headers, body, now);
            byte[] out = json.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(answer.status(), out.length);
            exchange.getResponseBody().write(out);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Answer answer(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                          String body, int concurrent) {
        if (path.equals("/oauth/token")) {
            return method.equals("POST") ? token(body) : error(405, "90000005", "Method not allowed");
        }
        if (fake.throttleNow()) {
            return new Answer(429, reasons("90000429", "Too many requests"), Map.of(
                    "RateLimit-Limit", "50000", "RateLimit-Remaining", "0", "RateLimit-Reset", Long.toString(fake.throttleResetSeconds())));
        }
        String auth = headers.getOrDefault("authorization", "");
        if (!auth.startsWith("Bearer ") || !fake.tokenValid(auth.substring(7))) {
            return error(401, "90000011", "this resource is protected, please sign in first");
        }
        if (fake.requiredEntity() != null && !fake.requiredEntity().equals(headers.get("zuora-entity-ids"))) {
            return error(400, "90000020", "Zuora-Entity-Ids is required for a token valid in several entities");
        }
        if (concurrent > fake.concurrentLimit()) {
            ObjectNode limit = json.createObjectNode();
            limit.put("code", "REQUEST_EXCEEDED_LIMIT");
            limit.put("message", "Your total number of concurrent requests have exceeded the limit allowed by the system. "
                    + "Please resubmit your request later.");
            return new Answer(429, limit, Map.of("Retry-After", Long.toString(fake.concurrencyRetryAfterSeconds())));
        }
        fake.pause();
        String[] parts = path.substring(1).split("/");
        if (parts.length >= 2 && parts[0].equals("v1") && parts[1].equals("accounts")) {
            return accounts(method, parts, headers, body);
        }
        if (parts.length >= 2 && parts[0].equals("object-query") && store.table(parts[1]) != null && method.equals("GET")) {
            return parts.length == 2 ? list(parts[1], query) : one(parts[1], decode(parts[2]), query);
        }
        return error(404, "50000040", "No such resource: " + path);
    }

    private Answer token(String body) {
        Map<String, List<String>> form = query(body);
        String id = first(form, "client_id");
        String secret = first(form, "client_secret");
        if (!"client_credentials".equals(first(form, "grant_type"))) {
            return oauthError(400, "unsupported_grant_type");
        }
        if (!fake.clientMatches(id, secret)) {
            return oauthError(401, "invalid_client");
        }
        ObjectNode token = json.createObjectNode();
        token.put("access_token", fake.issueToken());
        token.put("token_type", "bearer");
        token.put("expires_in", FakeZuora.TOKEN_LIFETIME.toSeconds() - 1);
        token.put("scope", "entity.1a2b3c4d-0000-0000-0000-000000000000 platform.write service.genesis.read tenant.9999");
        token.put("jti", java.util.UUID.randomUUID().toString().replace("-", ""));
        return Answer.ok(token);
    }

    private Answer accounts(String method, String[] parts, Map<String, String> headers, String body) {
        JsonNode in;
        try {
            in = json.readTree(body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return error(400, "50000010", "Malformed JSON");
        }
        if (method.equals("POST") && parts.length == 2) {
            String key = headers.get("idempotency-key");
            synchronized (idempotent) {
                if (key != null && idempotent.containsKey(key)) {
                    return Answer.ok(idempotent.get(key));
                }
                if (!in.hasNonNull("name") || !in.hasNonNull("currency") || !in.has("billToContact")) {
                    return Answer.ok(reasons("53100020", "name, currency and billToContact are required"));
                }
                ObjectNode created = store.createAccount((ObjectNode) in);
                ObjectNode answer = json.createObjectNode();
                answer.put("success", true);
                answer.put("accountId", created.path("id").asText());
                answer.put("accountNumber", created.path("accountNumber").asText());
                if (key != null) {
                    idempotent.put(key, answer);
                }
                return Answer.ok(answer);
            }
        }
        if (method.equals("PUT") && parts.length == 3) {
            if (!store.updateAccount(decode(parts[2]), (ObjectNode) in)) {
                return Answer.ok(reasons("50000040", "Cannot find entity by key: '" + decode(parts[2]) + "'."));
            }
            ObjectNode answer = json.createObjectNode();
            answer.put("success", true);
            return Answer.ok(answer);
        }
        return error(405, "90000005", "Method not allowed");
    }

    private Answer one(String object, String key, Map<String, List<String>> query) {
        Optional<ObjectNode> found = store.find(object, key);
        if (found.isEmpty()) {
            return error(404, "50000040", "Object not found");
        }
        return Answer.ok(shape(found.get(), query.getOrDefault("expand[]", List.of())));
    }

    private Answer list(String object, Map<String, List<String>> query) {
        int pageSize;
        try {
            pageSize = Integer.parseInt(first(query, "pageSize") == null ? "10" : first(query, "pageSize"));
        } catch (NumberFormatException e) {
            return error(400, "50000010", "pageSize must be a number");
        }
        if (pageSize < 1 || pageSize > 99) {
            return error(400, "50000010", "pageSize must be between 1 and 99");
        }
        Predicate<ObjectNode> filter = node -> true;
        for (String f : query.getOrDefault("filter[]", List.of())) {
            Optional<Predicate<ObjectNode>> one = filter(f);
            if (one.isEmpty()) {
                return error(400, "50000010", "Unsupported filter: " + f);
            }
            filter = filter.and(one.get());
        }
        List<ObjectNode> rows = new ArrayList<>(store.all(object).stream().filter(filter).toList());
        for (String s : query.getOrDefault("sort[]", List.of())) {
            String[] sort = s.split("\\.");
            if (sort.length != 2 || !sort[0].equalsIgnoreCase("updateddate")) {
                return error(400, "50000010", "Unsupported sort: " + s);
            }
            Comparator<ObjectNode> byUpdated = Comparator.comparing(n -> instant(n.path("updatedDate").asText()));
            rows.sort(sort[1].equalsIgnoreCase("DESC") ? byUpdated.reversed() : byUpdated);
        }
        int offset = 0;
        String cursor = first(query, "cursor");
        if (cursor != null) {
            try {
                offset = Integer.parseInt(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8).replace("offset:", ""));
            } catch (IllegalArgumentException e) {
                return error(400, "50000010", "Invalid cursor");
            }
        }
        ObjectNode page = json.createObjectNode();
        int end = Math.min(rows.size(), offset + pageSize);
        if (end < rows.size()) {
            page.put("nextPage", Base64.getEncoder().encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)));
        }
        var data = page.putArray("data");
        for (ObjectNode row : rows.subList(Math.min(offset, rows.size()), end)) {
            data.add(shape(row, query.getOrDefault("expand[]", List.of())));
        }
        return Answer.ok(page);
    }

    /** Drops the expandable lists unless asked for, as Object Query does. */
    private static ObjectNode shape(ObjectNode node, List<String> expand) {
        if (!expand.contains("invoiceitems")) {
            node.remove("invoiceItems");
        }
        if (!expand.contains("paymentapplications")) {
            node.remove("paymentApplications");
        }
        return node;
    }

    /** {@code field.OP:value}, field case-insensitive, with EQ, NE, GT, LT and SW. */
    private static Optional<Predicate<ObjectNode>> filter(String filter) {
        int dot = filter.indexOf('.');
        int colon = filter.indexOf(':', dot + 1);
        if (dot < 0 || colon < 0) {
            return Optional.empty();
        }
        String field = filter.substring(0, dot).toLowerCase(Locale.ROOT);
        String op = filter.substring(dot + 1, colon).toUpperCase(Locale.ROOT);
        String value = filter.substring(colon + 1);
        if (field.equals("updateddate")) {
            Instant at;
            try {
                at = instant(value);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
            return switch (op) {
                case "GT" -> Optional.of(n -> instant(n.path("updatedDate").asText()).isAfter(at));
                case "LT" -> Optional.of(n -> instant(n.path("updatedDate").asText()).isBefore(at));
                default -> Optional.empty();
            };
        }
        return Optional.of(node -> {
            String actual = null;
            var fields = node.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                if (e.getKey().equalsIgnoreCase(field) && e.getValue().isValueNode() && !e.getValue().isNull()) {
                    actual = e.getValue().asText();
                }
            }
            return switch (op) {
                case "EQ" -> value.equals(actual);
                case "NE" -> !value.equals(actual);
                case "SW" -> actual != null && actual.startsWith(value);
                default -> false;
            };
        });
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.parse(text);
        }
    }

    private Answer error(int status, String code, String message) {
        return new Answer(status, reasons(code, message), Map.of());
    }

    private Answer oauthError(int status, String error) {
        ObjectNode body = json.createObjectNode();
        body.put("error", error);
        return new Answer(status, body, Map.of());
    }

    private ObjectNode reasons(String code, String message) {
        ObjectNode body = json.createObjectNode();
        body.put("success", false);
        body.put("processId", "F0A2B3C4D5E6F708");
        ObjectNode reason = body.putArray("reasons").addObject();
        reason.put("code", code);
        reason.put("message", message);
        return body;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
