package io.mlconnector.testkit.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The authorization server's memory: clients, codes, grants and the tokens issued under each grant.
 * A grant is what one consent (or one client-credentials exchange) created; revoking it, or reusing
 * one of its spent codes or refresh tokens, ends every token it issued (RFC 6749 §4.1.2, §10.4).
 */
final class GrantStore {

    private record Client(String secret, Set<String> redirectUris) {
    }

    /** {@code extra}: fields added to every token answer of the grant, fixed at consent. */
    private record Code(String clientId, String redirectUri, String scope, String challenge, Instant expiresAt,
                        Map<String, String> extra) {
    }

    private record Grant(String clientId, String scope, Map<String, String> extra) {
    }

    private record Token(String grantId, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private Duration skew = Duration.ZERO;
    private Duration codeLifetime = Duration.ofMinutes(10);
    private Duration accessLifetime = Duration.ofHours(1);
    private Duration refreshLifetime = Duration.ofDays(100);
    private boolean rotate = true;

    private final Map<String, Client> clients = new HashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Set<String> spentCodes = new java.util.HashSet<>();
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, Token> accessTokens = new HashMap<>();
    private final Map<String, Token> refreshTokens = new HashMap<>();
    private final Map<String, String> spentRefreshTokens = new HashMap<>();
    private final Map<String, Integer> exchanges = new HashMap<>();

    GrantStore(Clock clock) {
        this.clock = clock;
    }

    synchronized Instant now() {
        return clock.instant().plus(skew);
    }

    synchronized void advance(Duration duration) {
        skew = skew.plus(duration);
    }

    synchronized void lifetimes(Duration code, Duration access, Duration refresh) {
        codeLifetime = code;
        accessLifetime = access;
        refreshLifetime = refresh;
    }

    synchronized void rotateRefreshTokens(boolean rotate) {
        this.rotate = rotate;
    }

    synchronized void registerClient(String clientId, String secret, Set<String> redirectUris) {
        clients.put(clientId, new Client(secret, Set.copyOf(redirectUris)));
    }

    synchronized boolean knowsClient(String clientId) {
        return clientId != null && clients.containsKey(clientId);
    }

    /** Redirect URIs are compared exactly; a client registered without any accepts every loopback one. */
    synchronized boolean allowsRedirect(String clientId, String redirectUri) {
        Client client = clients.get(clientId);
        if (client == null || redirectUri == null) {
            return false;
        }
        return client.redirectUris().isEmpty() ? redirectUri.startsWith("http://127.0.0.1:") || redirectUri.startsWith("http://localhost:")
                : client.redirectUris().contains(redirectUri);
    }

    synchronized void authenticate(String clientId, String secret) {
        Client client = clients.get(clientId);
        if (client == null || secret == null || !MessageDigest.isEqual(
                client.secret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            throw OAuthError.invalidClient();
        }
    }

    synchronized String issueCode(String clientId, String redirectUri, String scope, String challenge, Map<String, String> extra) {
        String code = token("code");
        codes.put(code, new Code(clientId, redirectUri, scope, challenge, now().plus(codeLifetime), Map.copyOf(extra)));
        return code;
    }

    synchronized IssuedTokens exchangeCode(String clientId, String code, String redirectUri, String verifier) {
        Code issued = codes.remove(code);
        if (issued == null) {
            if (spentCodes.contains(code)) {
                revokeGrantsOfCode(code);
                throw OAuthError.invalidGrant("The authorization code was already used");
            }
            throw OAuthError.invalidGrant("The authorization code is unknown");
        }
        spentCodes.add(code);
        if (!issued.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("The authorization code was issued to another client");
        }
        if (issued.expiresAt().isBefore(now())) {
            throw OAuthError.invalidGrant("The authorization code has expired");
        }
        if (!issued.redirectUri().equals(redirectUri)) {
            throw OAuthError.invalidGrant("The redirect_uri does not match the authorization request");
        }
        if (issued.challenge() != null) {
            if (verifier == null) {
                throw OAuthError.invalidRequest("code_verifier is required");
            }
            if (!issued.challenge().equals(s256(verifier))) {
                throw OAuthError.invalidGrant("The code_verifier does not match the code_challenge");
            }
        } else if (verifier != null) {
            throw OAuthError.invalidGrant("A code_verifier was sent for a request without a code_challenge");
        }
        String grantId = token("grant");
        grants.put(grantId, new Grant(clientId, issued.scope(), issued.extra()));
        codeGrants.put(code, grantId);
        count("authorization_code");
        return issue(grantId, true);
    }

    private final Map<String, String> codeGrants = new HashMap<>();

    private void revokeGrantsOfCode(String code) {
        String grantId = codeGrants.get(code);
        if (grantId != null) {
            revokeGrant(grantId);
        }
    }

    synchronized IssuedTokens refresh(String clientId, String refreshToken) {
        Token token = refreshTokens.get(refreshToken);
        if (token == null) {
            String grantId = spentRefreshTokens.get(refreshToken);
            if (grantId != null) {
                revokeGrant(grantId);
                throw OAuthError.invalidGrant("The refresh token was already used");
            }
            throw OAuthError.invalidGrant("The refresh token is invalid or was revoked");
        }
        Grant grant = grants.get(token.grantId());
        if (grant == null || !grant.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("The refresh token was issued to another client");
        }
        if (token.expiresAt().isBefore(now())) {
            refreshTokens.remove(refreshToken);
            throw OAuthError.invalidGrant("The refresh token has expired");
        }
        count("refresh_token");
        if (rotate) {
            refreshTokens.remove(refreshToken);
            spentRefreshTokens.put(refreshToken, token.grantId());
            return issue(token.grantId(), true);
        }
        refreshTokens.put(refreshToken, new Token(token.grantId(), now().plus(refreshLifetime)));
        IssuedTokens fresh = issue(token.grantId(), false);
        return new IssuedTokens(fresh.accessToken(), fresh.expiresIn(), refreshToken, refreshLifetime.toSeconds(), fresh.scope(), fresh.extra());
    }

    synchronized IssuedTokens directGrant(String clientId) {
        String grantId = token("grant");
        grants.put(grantId, new Grant(clientId, null, Map.of()));
        return issue(grantId, true);
    }

    synchronized IssuedTokens clientCredentials(String clientId, String scope) {
        String grantId = token("grant");
        grants.put(grantId, new Grant(clientId, scope, Map.of()));
        count("client_credentials");
        return issue(grantId, false);
    }

    /** RFC 7009: revoking either token of a grant ends the grant. Unknown tokens are ignored. */
    synchronized boolean revoke(String anyToken) {
        Token token = refreshTokens.get(anyToken);
        if (token == null) {
            token = accessTokens.get(anyToken);
        }
        if (token == null) {
            return false;
        }
        revokeGrant(token.grantId());
        count("revoke");
        return true;
    }

    synchronized void revokeAll() {
        grants.clear();
        accessTokens.clear();
        refreshTokens.clear();
    }

    synchronized void expireAccessTokens() {
        accessTokens.replaceAll((value, token) -> new Token(token.grantId(), now().minusSeconds(1)));
    }

    synchronized boolean accepts(String accessToken) {
        Token token = accessTokens.get(accessToken);
        return token != null && grants.containsKey(token.grantId()) && token.expiresAt().isAfter(now());
    }

    synchronized int exchanges(String grantType) {
        return exchanges.getOrDefault(grantType, 0);
    }

    synchronized boolean hasLiveGrant() {
        return !grants.isEmpty();
    }

    private void count(String grantType) {
        exchanges.merge(grantType, 1, Integer::sum);
    }

    private IssuedTokens issue(String grantId, boolean withRefresh) {
        Grant grant = grants.get(grantId);
        String access = token("at");
        accessTokens.put(access, new Token(grantId, now().plus(accessLifetime)));
        String refresh = null;
        if (withRefresh) {
            refresh = token("rt");
            refreshTokens.put(refresh, new Token(grantId, now().plus(refreshLifetime)));
        }
        return new IssuedTokens(access, accessLifetime.toSeconds(), refresh, refreshLifetime.toSeconds(), grant.scope(), grant.extra());
    }

    private void revokeGrant(String grantId) {
        grants.remove(grantId);
        accessTokens.values().removeIf(t -> t.grantId().equals(grantId));
        refreshTokens.values().removeIf(t -> t.grantId().equals(grantId));
    }

    private String token(String prefix) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
