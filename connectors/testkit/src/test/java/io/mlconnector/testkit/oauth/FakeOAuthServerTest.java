package io.mlconnector.testkit.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeOAuthServerTest {

    private static final String REDIRECT = "http://127.0.0.1:9/oauth/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private FakeOAuthServer auth;

    @BeforeEach
    void start() {
        auth = FakeOAuthServer.start();
        auth.registerClient("app", "app-secret", REDIRECT);
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    @Test
    void consentRedirectsWithCodeStateAndExtraValuesAndTheCodeBuysTokensOnceWithTheRightVerifier() throws Exception {
        auth.consent(Consent.GRANT);
        auth.returnOnRedirect("realmId", "9130350");
        Map<String, String> back = authorize("s-1", GrantStore.s256(VERIFIER));
        assertEquals("s-1", back.get("state"));
        assertEquals("9130350", back.get("realmId"));
        assertEquals("com.example.accounting", auth.lastAuthorizeRequest().get("scope"));

        HttpResponse<String> wrongVerifier = token(Map.of("grant_type", "authorization_code", "code", back.get("code"),
                "redirect_uri", REDIRECT, "code_verifier", "not-the-verifier-not-the-verifier-not-the-ver"), true);
        assertEquals(400, wrongVerifier.statusCode());
        assertEquals("invalid_grant", json.readTree(wrongVerifier.body()).path("error").asText());

        Map<String, String> again = authorize("s-2", GrantStore.s256(VERIFIER));
        JsonNode tokens = ok(token(Map.of("grant_type", "authorization_code", "code", again.get("code"),
                "redirect_uri", REDIRECT, "code_verifier", VERIFIER), true));
        assertEquals("bearer", tokens.path("token_type").asText());
        assertEquals(3600, tokens.path("expires_in").asLong());
        assertTrue(auth.accepts("Bearer " + tokens.path("access_token").asText()));

        HttpResponse<String> reused = token(Map.of("grant_type", "authorization_code", "code", again.get("code"),
                "redirect_uri", REDIRECT, "code_verifier", VERIFIER), true);
        assertEquals("invalid_grant", json.readTree(reused.body()).path("error").asText());
        assertFalse(auth.accepts(tokens.path("access_token").asText()), "a replayed code ends the grant it bought");
    }

    @Test
    void aCodeIsBoundToItsRedirectUriAndExpires() throws Exception {
        auth.consent(Consent.GRANT);
        auth.lifetimes(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(100));
        String code = authorize("s", null).get("code");
        assertEquals("invalid_grant", error(token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", "http://127.0.0.1:9/elsewhere"), true)));
        String late = authorize("s", null).get("code");
        auth.advanceTime(Duration.ofMinutes(2));
        assertEquals("invalid_grant", error(token(Map.of("grant_type", "authorization_code", "code", late,
                "redirect_uri", REDIRECT), true)));
    }

    @Test
    void refusalRedirectsWithAccessDeniedAndTheState() throws Exception {
        auth.consent(Consent.DENY);
        Map<String, String> back = authorize("s-9", null);
        assertEquals("access_denied", back.get("error"));
        assertEquals("s-9", back.get("state"));
        assertNull(back.get("code"));
    }

    @Test
    void theConsentPageAllowsOrDenies() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(authorizeUrl("s-3", null))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("value=\"allow\"") && page.body().contains("value=\"deny\""));

        Map<String, String> fields = new LinkedHashMap<>(auth.lastAuthorizeRequest());
        fields.put("decision", "deny");
        HttpResponse<String> denied = http.send(HttpRequest.newBuilder(URI.create(auth.authorizeUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(fields)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("access_denied", query(denied.headers().firstValue("Location").orElseThrow()).get("error"));

        fields.put("decision", "allow");
        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create(auth.authorizeUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(fields)).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> back = query(allowed.headers().firstValue("Location").orElseThrow());
        assertEquals("s-3", back.get("state"));
        assertTrue(back.containsKey("code"));
    }

    @Test
    void anUnregisteredRedirectUriGetsAnErrorPageNotARedirect() throws Exception {
        String url = auth.authorizeUrl() + "?response_type=code&client_id=app&state=s&redirect_uri="
                + URLEncoder.encode("https://attacker.example/cb", StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode());
        assertTrue(answer.headers().firstValue("Location").isEmpty());
    }

    @Test
    void refreshTokensRotateAndAReusedOneEndsTheGrant() throws Exception {
        FakeOAuthServer.Tokens first = auth.issueTokens("app");
        JsonNode second = ok(token(Map.of("grant_type", "refresh_token", "refresh_token", first.refreshToken()), false));
        assertNotEquals(first.refreshToken(), second.path("refresh_token").asText());
        assertTrue(auth.accepts(second.path("access_token").asText()));

        assertEquals("invalid_grant", error(token(Map.of("grant_type", "refresh_token", "refresh_token", first.refreshToken()), false)));
        assertEquals("invalid_grant", error(token(Map.of("grant_type", "refresh_token",
                "refresh_token", second.path("refresh_token").asText()), false)), "reuse revokes the whole grant");
        assertFalse(auth.accepts(second.path("access_token").asText()));
        assertEquals(1, auth.exchanges("refresh_token"));
    }

    @Test
    void accessTokensExpireByTheFakesClockAndRefreshTokensByTheirRollingLifetime() throws Exception {
        auth.lifetimes(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofDays(100));
        FakeOAuthServer.Tokens tokens = auth.issueTokens("app");
        auth.advanceTime(Duration.ofMinutes(6));
        assertFalse(auth.accepts(tokens.accessToken()));
        JsonNode refreshed = ok(token(Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()), true));
        auth.advanceTime(Duration.ofDays(101));
        assertEquals("invalid_grant", error(token(Map.of("grant_type", "refresh_token",
                "refresh_token", refreshed.path("refresh_token").asText()), true)));
    }

    @Test
    void clientCredentialsNeedTheRightSecretInTheDemandedPlace() throws Exception {
        JsonNode tokens = ok(token(Map.of("grant_type", "client_credentials"), false));
        assertTrue(auth.accepts(tokens.path("access_token").asText()));
        assertTrue(tokens.path("refresh_token").isMissingNode());

        Map<String, String> wrong = Map.of("grant_type", "client_credentials", "client_id", "app", "client_secret", "nope");
        HttpResponse<String> refused = post(auth.tokenUrl(), wrong, null);
        assertEquals(401, refused.statusCode());
        assertEquals("invalid_client", error(refused));

        auth.requireClientAuthentication(FakeOAuthServer.ClientAuthMethod.BASIC);
        assertEquals(401, token(Map.of("grant_type", "client_credentials"), false).statusCode());
        assertEquals(200, token(Map.of("grant_type", "client_credentials"), true).statusCode());
    }

    @Test
    void revokingARefreshTokenEndsItsAccessTokenToo() throws Exception {
        FakeOAuthServer.Tokens tokens = auth.issueTokens("app");
        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(auth.revokeUrl()))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + tokens.refreshToken() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, revoked.statusCode());
        assertFalse(auth.accepts(tokens.accessToken()));
        assertEquals("invalid_grant", error(token(Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()), true)));
    }

    @Test
    void switchedOnFailuresAnswer5xxThenRecover() throws Exception {
        auth.failNextTokenRequests(1, 503);
        assertEquals(503, token(Map.of("grant_type", "client_credentials"), true).statusCode());
        assertEquals(200, token(Map.of("grant_type", "client_credentials"), true).statusCode());
    }

    @Test
    void aSlowAnswerOutlastsAShortClientTimeout() {
        auth.slowNextTokenRequests(1, Duration.ofSeconds(3));
        HttpRequest request = HttpRequest.newBuilder(URI.create(auth.tokenUrl())).timeout(Duration.ofMillis(200))
                .header("Authorization", basic()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "client_credentials"))).build();
        assertThrows(HttpTimeoutException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    // ---------------------------------------------------------------- helpers

    private String authorizeUrl(String state, String challenge) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", "app");
        q.put("redirect_uri", REDIRECT);
        q.put("scope", "com.example.accounting");
        q.put("state", state);
        if (challenge != null) {
            q.put("code_challenge", challenge);
            q.put("code_challenge_method", "S256");
        }
        return auth.authorizeUrl() + "?" + encode(q);
    }

    private Map<String, String> authorize(String state, String challenge) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(authorizeUrl(state, challenge))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?"));
        return query(location);
    }

    private HttpResponse<String> token(Map<String, String> fields, boolean basicAuth) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (!basicAuth) {
            all.put("client_id", "app");
            all.put("client_secret", "app-secret");
        }
        return post(auth.tokenUrl(), all, basicAuth ? basic() : null);
    }

    private HttpResponse<String> post(String url, Map<String, String> fields, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(fields));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(HttpResponse<String> answer) throws Exception {
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
        return json.readTree(answer.body());
    }

    private String error(HttpResponse<String> answer) throws Exception {
        return json.readTree(answer.body()).path("error").asText();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("app:app-secret".getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(encode(fields));
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String location) {
        return FakeOAuthServer.parseQuery(URI.create(location).getRawQuery());
    }
}
