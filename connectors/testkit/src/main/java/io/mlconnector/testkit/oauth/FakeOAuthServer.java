package io.mlconnector.testkit.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OAuth 2.0 authorization server (RFC 6749, 7636, 7009) on 127.0.0.1, for the providers behind
 * QuickBooks Online, FreshBooks and Zuora and for the platform's own tests.
 *
 * <ul>
 *   <li>Authorize ({@code GET}): checks the client and its redirect URI (an unknown one gets an error
 *       page, never a redirect), then shows a consent page or consents or refuses at once
 *       ({@link Consent}); answers {@code code} and {@code state}, plus any {@link #returnOnRedirect}
 *       values (e.g. Intuit's {@code realmId}), or {@code error=access_denied}. Accepts an S256 PKCE
 *       challenge.</li>
 *   <li>Token ({@code POST}, form): {@code authorization_code} (single-use codes, exact
 *       {@code redirect_uri}, PKCE verifier checked), {@code refresh_token} (rotating, single-use:
 *       reusing a spent one answers {@code invalid_grant} and ends the grant) and
 *       {@code client_credentials}. Clients authenticate with HTTP Basic or form fields.</li>
 *   <li>Revoke ({@code POST}, form or JSON {@code token}): ends the grant the token belongs to.</li>
 *   <li>Lifetimes are configurable and time is the fake's own ({@link #advanceTime}); token and revoke
 *       requests can be made to fail with 5xx or to answer slowly.</li>
 * </ul>
 *
 * Fakes of the APIs behind it check bearer tokens with {@link #accepts(String)}.
 *
 * <pre>{@code
 * try (FakeOAuthServer auth = FakeOAuthServer.start()) {
 *     auth.registerClient("client-1", "secret-1");
 *     auth.returnOnRedirect("realmId", "9130350");
 *     auth.lifetimes(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofDays(100));
 *     // point the connector's OAuth credential at auth.authorizeUrl(), auth.tokenUrl(), auth.revokeUrl()
 * }
 * }</pre>
 */
public final class FakeOAuthServer implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final GrantStore store;
    private final TokenFaults faults = new TokenFaults();
    private final EndpointPaths paths;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final Map<String, String> redirectValues = new ConcurrentHashMap<>();
    private final Map<String, String> tokenValues = new ConcurrentHashMap<>();
    private final Map<String, String> lastAuthorizeRequest = new ConcurrentHashMap<>();
    private volatile Consent consent = Consent.PAGE;
    private volatile ClientAuthMethod clientAuth = ClientAuthMethod.EITHER;

    /** Which client authentication the token endpoint accepts. */
    public enum ClientAuthMethod { BASIC, FORM, EITHER }

    private FakeOAuthServer(Clock clock, EndpointPaths paths) throws IOException {
        this.store = new GrantStore(clock);
        this.paths = paths;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-oauth");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(paths.authorize(), this::authorize);
        server.createContext(paths.token(), this::token);
        server.createContext(paths.revoke(), this::revoke);
        server.start();
    }

    public static FakeOAuthServer start() {
        return start(Clock.systemUTC(), EndpointPaths.standard());
    }

    public static FakeOAuthServer start(Clock clock, EndpointPaths paths) {
        try {
            return new FakeOAuthServer(clock, paths);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the fake OAuth server to 127.0.0.1", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- addresses

    public String baseUrl() {
        return baseUrl;
    }

    public String authorizeUrl() {
        return baseUrl + paths.authorize();
    }

    public String tokenUrl() {
        return baseUrl + paths.token();
    }

    public String revokeUrl() {
        return baseUrl + paths.revoke();
    }

    // ---------------------------------------------------------------- configuration

    /** A client (an "app") with a secret; without redirect URIs it accepts any loopback redirect. */
    public void registerClient(String clientId, String clientSecret, String... redirectUris) {
        store.registerClient(clientId, clientSecret, Set.of(redirectUris));
    }

    public void consent(Consent mode) {
        this.consent = mode;
    }

    /** A value added to every consent redirect, e.g. {@code realmId} → the company's id. */
    public void returnOnRedirect(String name, String value) {
        redirectValues.put(name, value);
    }

    /** A field added to every token answer of grants consented from now on, e.g. {@code created_at}. */
    public void returnWithTokens(String name, String value) {
        tokenValues.put(name, value);
    }

    public void lifetimes(Duration code, Duration accessToken, Duration refreshToken) {
        store.lifetimes(code, accessToken, refreshToken);
    }

    /** True by default (Intuit, FreshBooks): each refresh answers a new refresh token and spends the old one. */
    public void rotateRefreshTokens(boolean rotate) {
        store.rotateRefreshTokens(rotate);
    }

    public void requireClientAuthentication(ClientAuthMethod method) {
        this.clientAuth = method;
    }

    /** The next {@code count} token or revoke requests answer {@code status} (5xx) without being handled. */
    public void failNextTokenRequests(int count, int status) {
        faults.failNext(count, status);
    }

    /** The next {@code count} token or revoke requests wait {@code delay} before being handled. */
    public void slowNextTokenRequests(int count, Duration delay) {
        faults.slowNext(count, delay);
    }

    // ---------------------------------------------------------------- time and scenario

    public Instant now() {
        return store.now();
    }

    /** Moves the fake's clock: codes, access tokens and refresh tokens expire by it. */
    public void advanceTime(Duration duration) {
        store.advance(duration);
    }

    /** Every access token issued so far stops working (as after its hour), refresh tokens stay valid. */
    public void expireAccessTokens() {
        store.expireAccessTokens();
    }

    /** Every grant ends, as when the person disconnects the app at the provider. */
    public void revokeAllGrants() {
        store.revokeAll();
    }

    /** For API fakes: is this a live access token (a bare token or an {@code Authorization} header value)? */
    public boolean accepts(String bearer) {
        if (bearer == null) {
            return false;
        }
        String token = bearer.regionMatches(true, 0, "Bearer ", 0, 7) ? bearer.substring(7).trim() : bearer.trim();
        return store.accepts(token);
    }

    /** Tokens of a new grant for a registered client, as if a person had consented: for connector tests. */
    public Tokens issueTokens(String clientId) {
        if (!store.knowsClient(clientId)) {
            throw new IllegalStateException("register the client first: " + clientId);
        }
        IssuedTokens issued = store.directGrant(clientId);
        return new Tokens(issued.accessToken(), issued.refreshToken(), store.now().plusSeconds(issued.expiresIn()));
    }

    /** A grant's tokens as {@link #issueTokens} hands them to a test. */
    public record Tokens(String accessToken, String refreshToken, Instant accessTokenExpiresAt) {
        @Override
        public String toString() {
            return "Tokens[accessTokenExpiresAt=" + accessTokenExpiresAt + "]";
        }
    }

    /** Successful token exchanges of a grant type ({@code authorization_code}, {@code refresh_token}, {@code client_credentials}) or revocations ({@code revoke}). */
    public int exchanges(String grantType) {
        return store.exchanges(grantType);
    }

    public boolean hasLiveGrant() {
        return store.hasLiveGrant();
    }

    /** The query of the last authorize request, e.g. to assert the scope, state and PKCE challenge sent. */
    public Map<String, String> lastAuthorizeRequest() {
        return Map.copyOf(lastAuthorizeRequest);
    }

    /**
     * Consents as the browser would and returns the redirect the provider sends back, for tests
     * without a browser: {@code authorizeUrl} is what the client sent the person to.
     */
    public String consentTo(String authorizeUrl) {
        Map<String, String> query = parseQuery(java.net.URI.create(authorizeUrl).getRawQuery());
        if (!store.knowsClient(query.get("client_id")) || !store.allowsRedirect(query.get("client_id"), query.get("redirect_uri"))) {
            throw new IllegalStateException("The provider would show an error page: unknown client or redirect_uri");
        }
        lastAuthorizeRequest.clear();
        lastAuthorizeRequest.putAll(query);
        String refusal = refusal(query);
        return refusal != null ? errorRedirect(query, refusal) : decide(query, true);
    }

    // ---------------------------------------------------------------- authorize endpoint

    private void authorize(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = "POST".equals(exchange.getRequestMethod())
                    ? parseQuery(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    : parseQuery(exchange.getRequestURI().getRawQuery());
            String clientId = params.get("client_id");
            String redirectUri = params.get("redirect_uri");
            if (!store.knowsClient(clientId) || !store.allowsRedirect(clientId, redirectUri)) {
                // RFC 6749 §4.1.2.1: never redirect to an unverified URI.
                sendText(exchange, 400, "Unknown client or redirect_uri not registered for it");
                return;
            }
            if ("GET".equals(exchange.getRequestMethod())) {
                lastAuthorizeRequest.clear();
                lastAuthorizeRequest.putAll(params);
                String refusal = refusal(params);
                if (refusal != null) {
                    redirect(exchange, errorRedirect(params, refusal));
                    return;
                }
                switch (consent) {
                    case GRANT -> redirect(exchange, decide(params, true));
                    case DENY -> redirect(exchange, decide(params, false));
                    case PAGE -> sendHtml(exchange, consentPage(params));
                }
                return;
            }
            redirect(exchange, decide(params, "allow".equals(params.get("decision"))));
        }
    }

    private static String refusal(Map<String, String> params) {
        if (!"code".equals(params.get("response_type"))) {
            return "unsupported_response_type";
        }
        String method = params.get("code_challenge_method");
        if (params.containsKey("code_challenge") && !"S256".equals(method)) {
            return "invalid_request";
        }
        return null;
    }

    private String decide(Map<String, String> params, boolean allow) {
        if (!allow) {
            return errorRedirect(params, "access_denied");
        }
        String code = store.issueCode(params.get("client_id"), params.get("redirect_uri"), params.get("scope"),
                params.get("code_challenge"), Map.copyOf(tokenValues));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        if (params.get("state") != null) {
            answer.put("state", params.get("state"));
        }
        answer.putAll(redirectValues);
        return withQuery(params.get("redirect_uri"), answer);
    }

    private static String errorRedirect(Map<String, String> params, String error) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error);
        if (params.get("state") != null) {
            answer.put("state", params.get("state"));
        }
        return withQuery(params.get("redirect_uri"), answer);
    }

    private String consentPage(Map<String, String> params) {
        StringBuilder hidden = new StringBuilder();
        params.forEach((k, v) -> hidden.append("<input type=\"hidden\" name=\"").append(html(k)).append("\" value=\"")
                .append(html(v)).append("\">"));
        return "<!doctype html><html><head><title>Authorize access</title></head><body>"
                + "<h1>Allow access to your company?</h1>"
                + "<p>The app <b>" + html(params.get("client_id")) + "</b> asks for: " + html(params.getOrDefault("scope", "")) + "</p>"
                + "<form method=\"post\" action=\"" + paths.authorize() + "\">" + hidden
                + "<button name=\"decision\" value=\"allow\">Allow</button> "
                + "<button name=\"decision\" value=\"deny\">Deny</button></form></body></html>";
    }

    // ---------------------------------------------------------------- token endpoint

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!beforeHandling(exchange)) {
                return;
            }
            Map<String, String> form = parseQuery(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                String clientId = authenticate(exchange, form);
                IssuedTokens issued = switch (form.getOrDefault("grant_type", "")) {
                    case "authorization_code" -> store.exchangeCode(clientId, require(form, "code"), require(form, "redirect_uri"),
                            form.get("code_verifier"));
                    case "refresh_token" -> store.refresh(clientId, require(form, "refresh_token"));
                    case "client_credentials" -> store.clientCredentials(clientId, form.get("scope"));
                    default -> throw new OAuthError(400, "unsupported_grant_type", "grant_type is not supported");
                };
                sendJson(exchange, 200, tokenAnswer(issued));
            } catch (OAuthError e) {
                ObjectNode error = json.createObjectNode().put("error", e.error).put("error_description", e.getMessage());
                if (e.status == 401) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fake-oauth\"");
                }
                sendJson(exchange, e.status, error);
            }
        }
    }

    private ObjectNode tokenAnswer(IssuedTokens issued) {
        ObjectNode answer = json.createObjectNode();
        answer.put("access_token", issued.accessToken());
        answer.put("token_type", "bearer");
        answer.put("expires_in", issued.expiresIn());
        if (issued.refreshToken() != null) {
            answer.put("refresh_token", issued.refreshToken());
            answer.put("x_refresh_token_expires_in", issued.refreshExpiresIn());
        }
        if (issued.scope() != null) {
            answer.put("scope", issued.scope());
        }
        issued.extra().forEach(answer::put);
        return answer;
    }

    private String authenticate(HttpExchange exchange, Map<String, String> form) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String clientId;
        String secret;
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (clientAuth == ClientAuthMethod.FORM) {
                throw OAuthError.invalidClient();
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.invalidClient();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidClient();
            }
            clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } else {
            if (clientAuth == ClientAuthMethod.BASIC) {
                throw OAuthError.invalidClient();
            }
            clientId = form.get("client_id");
            secret = form.get("client_secret");
        }
        store.authenticate(clientId, secret);
        return clientId;
    }

    private static String require(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw OAuthError.invalidRequest(name + " is required");
        }
        return value;
    }

    // ---------------------------------------------------------------- revoke endpoint

    private void revoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!beforeHandling(exchange)) {
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            Map<String, String> form = contentType.startsWith("application/json") ? Map.of() : parseQuery(body);
            String token;
            if (contentType.startsWith("application/json")) {
                JsonNode node = json.readTree(body);
                token = node.path("token").asText(null);
            } else {
                token = form.get("token");
            }
            try {
                authenticate(exchange, form);
                if (token == null) {
                    throw OAuthError.invalidRequest("token is required");
                }
                store.revoke(token);
                sendText(exchange, 200, "");
            } catch (OAuthError e) {
                sendJson(exchange, e.status, json.createObjectNode().put("error", e.error).put("error_description", e.getMessage()));
            }
        }
    }

    /** Applies configured delays and failures; false when the request was answered with a failure. */
    private boolean beforeHandling(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            sendText(exchange, 405, "POST only");
            return false;
        }
        Duration delay = faults.takeDelay();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        int failure = faults.takeFailure();
        if (failure != 0) {
            exchange.getRequestBody().readAllBytes();
            sendText(exchange, failure, "<html><body>Service Unavailable</body></html>");
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- wire helpers

    private void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.getResponseHeaders().add("Pragma", "no-cache");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void sendHtml(HttpExchange exchange, String html) throws IOException {
        sendText(exchange, 200, html);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(key, value);
        }
        return values;
    }

    private static String withQuery(String uri, Map<String, String> params) {
        StringBuilder out = new StringBuilder(uri).append(uri.contains("?") ? '&' : '?');
        boolean first = true;
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!first) {
                out.append('&');
            }
            first = false;
            out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static String html(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
