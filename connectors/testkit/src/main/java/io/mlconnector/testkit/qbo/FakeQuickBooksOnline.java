package io.mlconnector.testkit.qbo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;

/**
 * The QuickBooks Online accounting API v3 on 127.0.0.1, with in-memory companies: entity
 * create/read/update (full and sparse)/delete under {@code /v3/company/{realmId}/…}, the query
 * endpoint (see {@link QboFakeQuery} for the subset), change data capture ({@code /cdc}, 30-day
 * window), {@code companyinfo} and {@code preferences}; SyncToken with 5010 on a stale one;
 * {@code requestid} idempotency on creates; bearer tokens checked per company (401 / 403); and
 * injected 429s (Intuit's throttle fault) and 5xx, or the real per-company limits when switched on.
 *
 * <p>Strict on purpose where Intuit is lenient: a call without {@code minorversion} or below
 * {@value #MINOR_VERSION} is refused (Intuit serves it as 75), so a client that forgets it fails here.
 * Every change is recorded as a {@link QboChange}; {@link QboWebhookSender} turns them into signed
 * webhooks in either payload.
 */
public final class FakeQuickBooksOnline implements AutoCloseable {

    public static final int MINOR_VERSION = 75;

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private final Clock clock;
    private final Map<String, FakeQboCompany> companies = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> requestIds = new ConcurrentHashMap<>();
    private final List<QboRecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<QboChange> unsent = Collections.synchronizedList(new ArrayList<>());
    private final QboFakeLimits limits = new QboFakeLimits();
    private volatile BiPredicate<String, String> tokenCheck;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;

    private FakeQuickBooksOnline(Clock clock) throws IOException {
        this.clock = clock;
        this.tokenCheck = (token, realm) -> realm.equals(tokens.get(token));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-quickbooks-online");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/v3/company/", this::handle);
        server.start();
    }

    public static FakeQuickBooksOnline start() {
        return start(Clock.systemUTC());
    }

    public static FakeQuickBooksOnline start(Clock clock) {
        try {
            return new FakeQuickBooksOnline(clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A new company with Undeposited Funds already in its chart of accounts. */
    public FakeQboCompany addCompany(String realmId, String name, String homeCurrency, boolean multiCurrency) {
        FakeQboCompany company = new FakeQboCompany(realmId, name, homeCurrency, multiCurrency, clock, unsent::add);
        if (companies.putIfAbsent(realmId, company) != null) {
            throw new IllegalArgumentException("company " + realmId + " exists");
        }
        return company;
    }

    public FakeQboCompany company(String realmId) {
        return companies.get(realmId);
    }

    /** Lets {@code accessToken} call {@code realmId}'s API (a grant of that company). */
    public void acceptToken(String accessToken, String realmId) {
        tokens.put(accessToken, realmId);
    }

    public void revokeToken(String accessToken) {
        tokens.remove(accessToken);
    }

    /**
     * Replaces the token check, e.g. with a fake authorization server's "is this access token live and
     * granted for this realm". Arguments: token, realmId.
     */
    public void checkTokensWith(BiPredicate<String, String> check) {
        this.tokenCheck = check;
    }

    /** The next {@code count} requests get 429 ThrottleExceeded; {@code retryAfterSeconds} > 0 adds Retry-After. */
    public void throttleNext(int count, int retryAfterSeconds) {
        limits.throttleNext(count, retryAfterSeconds);
    }

    public void failNext(int count, int status) {
        limits.failNext(count, status);
    }

    /** Applies Intuit's per-company limits (10/s, 500/min) and answers 429 beyond them. */
    public void enforceRateLimits(boolean on) {
        limits.enforce(on);
    }

    public List<QboRecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Changes recorded since the previous call, oldest first: what the next webhook should carry. */
    public List<QboChange> takeChanges() {
        synchronized (unsent) {
            List<QboChange> out = List.copyOf(unsent);
            unsent.clear();
            return out;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = queryOf(exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new QboRecordedRequest(exchange.getRequestMethod(), path, query, body));
            String[] parts = path.substring("/v3/company/".length()).split("/");
            String realmId = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            int status = 200;
            JsonNode answer;
            Map<String, String> headers = new LinkedHashMap<>();
            try {
                answer = route(exchange, realmId, parts, query, body);
            } catch (RuntimeException failure) {
                QboFault fault = failure instanceof QboFault f ? f : QboFault.serverError(500);
                if (!(failure instanceof QboFault)) {
                    System.err.println("fake QuickBooks Online failed on " + path + ": " + failure);
                }
                status = fault.status;
                answer = fault.body(FakeQboCompany.format(clock.instant()));
                if (status == 429 && limits.retryAfterSeconds() > 0) {
                    headers.put("Retry-After", String.valueOf(limits.retryAfterSeconds()));
                }
            }
            byte[] bytes = json.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            exchange.getResponseHeaders().add("intuit_tid", java.util.UUID.randomUUID().toString());
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private JsonNode route(HttpExchange exchange, String realmId, String[] parts, Map<String, String> query, String body) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            throw QboFault.unauthorized();
        }
        String token = auth.substring("Bearer ".length()).trim();
        FakeQboCompany company = companies.get(realmId);
        if (!tokenCheck.test(token, realmId)) {
            // A token of another company is refused as unauthorised for this one; an unknown one as unauthenticated.
            throw tokens.containsKey(token) ? QboFault.forbidden() : QboFault.unauthorized();
        }
        if (company == null) {
            throw QboFault.forbidden();
        }
        QboFault limited = limits.admit(realmId, clock.instant());
        if (limited != null) {
            throw limited;
        }
        String minor = query.get("minorversion");
        if (minor == null || !minor.matches("\\d+") || Integer.parseInt(minor) < MINOR_VERSION) {
            throw QboFault.validation("4003", "Unsupported minor version",
                    "This fake requires minorversion=" + MINOR_VERSION + " or later on every call (Intuit would serve it as 75)");
        }
        if (parts.length < 2) {
            throw QboFault.validation("4001", "Invalid URL", "No resource named");
        }
        String resource = parts[1];
        String method = exchange.getRequestMethod();
        String time = FakeQboCompany.format(clock.instant());
        ObjectNode out = json.createObjectNode();
        switch (resource) {
            case "query" -> {
                QboFakeQuery q = QboFakeQuery.parse(query.getOrDefault("query", ""));
                String entity = entityName(q.entity);
                List<ObjectNode> rows = entityAllowed(company, entity);
                ObjectNode response = out.putObject("QueryResponse");
                if (q.count) {
                    response.put("totalCount", q.count(rows));
                } else {
                    List<ObjectNode> page = q.apply(rows);
                    if (!page.isEmpty()) {
                        ArrayNode array = response.putArray(entity);
                        page.forEach(array::add);
                        response.put("startPosition", q.startPosition);
                        response.put("maxResults", page.size());
                    }
                }
            }
            case "cdc" -> {
                String since = query.get("changedSince");
                List<String> entities = List.of(query.getOrDefault("entities", "").split(","));
                if (since == null || entities.isEmpty() || entities.get(0).isBlank()) {
                    throw QboFault.validation("2020", "Required param missing, need to supply the required value for the API", "entities and changedSince are required");
                }
                Instant from = java.time.OffsetDateTime.parse(since.length() == 10 ? since + "T00:00:00Z" : since).toInstant();
                if (from.isBefore(clock.instant().minus(Duration.ofDays(30)))) {
                    throw QboFault.validation("4001", "Invalid query", "changedSince must be within the last 30 days");
                }
                ArrayNode responses = out.putArray("CDCResponse").addObject().putArray("QueryResponse");
                int total = 0;
                for (Map.Entry<String, List<ObjectNode>> e : company.changedSince(entities.stream().map(this::entityName).toList(), from).entrySet()) {
                    ObjectNode r = responses.addObject();
                    List<ObjectNode> rows = e.getValue().subList(0, Math.min(e.getValue().size(), Math.max(0, 1000 - total)));
                    total += rows.size();
                    if (!rows.isEmpty()) {
                        ArrayNode array = r.putArray(e.getKey());
                        rows.forEach(array::add);
                        r.put("startPosition", 1);
                        r.put("maxResults", rows.size());
                    }
                }
            }
            case "companyinfo" -> out.set("CompanyInfo", company.companyInfo());
            case "preferences" -> out.set("Preferences", company.preferences());
            default -> {
                String entity = entityName(resource);
                if ("GET".equals(method)) {
                    if (parts.length < 3) {
                        throw QboFault.validation("4001", "Invalid URL", "Reading needs an id");
                    }
                    out.set(entity, company.read(entity, URLDecoder.decode(parts[2], StandardCharsets.UTF_8)));
                } else if ("POST".equals(method)) {
                    ObjectNode request = parseBody(body);
                    if ("delete".equals(query.get("operation"))) {
                        out.set(entity, company.delete(entity, request));
                    } else if (request.has("Id")) {
                        out.set(entity, company.update(entity, request));
                    } else {
                        String requestId = query.get("requestid");
                        String key = realmId + "/" + requestId;
                        if (requestId != null && requestIds.containsKey(key)) {
                            return requestIds.get(key);
                        }
                        out.set(entity, company.create(entity, request));
                        out.put("time", time);
                        if (requestId != null) {
                            requestIds.put(key, out);
                        }
                        return out;
                    }
                } else {
                    throw QboFault.validation("4001", "Unsupported method", method);
                }
            }
        }
        out.put("time", time);
        return out;
    }

    private List<ObjectNode> entityAllowed(FakeQboCompany company, String entity) {
        return company.all(entity);
    }

    private ObjectNode parseBody(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (IOException e) {
            // answered below
        }
        throw QboFault.validation("2500", "Invalid Reference Id", "Request body is not a JSON object");
    }

    /** The API's entity names from a lower-case resource path segment. */
    private String entityName(String resource) {
        String lower = resource.toLowerCase(java.util.Locale.ROOT);
        for (String name : List.of("Account", "Customer", "Invoice", "Payment", "PaymentMethod", "Deposit", "Item",
                "CreditMemo", "RefundReceipt", "SalesReceipt", "CompanyInfo", "Preferences", "RecurringTransaction")) {
            if (name.toLowerCase(java.util.Locale.ROOT).equals(lower)) {
                return name;
            }
        }
        throw QboFault.validation("4001", "Unsupported entity", "The fake does not serve " + resource);
    }

    private static Map<String, String> queryOf(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }
}
