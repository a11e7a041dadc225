package io.mlconnector.platform.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.api.oauth.ClientAuthentication;
import io.mlconnector.api.oauth.OAuthCredential;
import io.mlconnector.api.oauth.RevokeStyle;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Talks to a provider's token and revoke endpoints (RFC 6749 §4.1.3, §4.4, §6; RFC 7009). Request
 * and answer bodies carry secrets, so neither is ever logged or put into an exception message.
 */
@Singleton
class TokenEndpoint {

    private final HttpClient http;
    private final OAuthSettings settings;
    private final ObjectMapper json = new ObjectMapper();

    TokenEndpoint(OAuthSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    TokenAnswer exchangeCode(OAuthCredential credential, String baseUrl, ClientApp app, String code, String redirectUri,
                             String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return token(credential, baseUrl, app, form);
    }

    TokenAnswer refresh(OAuthCredential credential, String baseUrl, ClientApp app, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return token(credential, baseUrl, app, form);
    }

    TokenAnswer clientCredentials(OAuthCredential credential, String baseUrl, ClientApp app) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!credential.scopes().isEmpty()) {
            form.put("scope", String.join(" ", credential.scopes()));
        }
        return token(credential, baseUrl, app, form);
    }

    /** Revokes a token; false when the provider has no revoke endpoint. Failures are the caller's to judge. */
    boolean revoke(OAuthCredential credential, String baseUrl, ClientApp app, String token, String hint) {
        if (credential.revokeUrl() == null) {
            return false;
        }
        String url = settings.endpoint(credential, credential.revokeUrl(), baseUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout()).header("Accept", "application/json");
        Map<String, String> form = new LinkedHashMap<>();
        authenticate(credential, app, request, form);
        if (credential.revokeStyle() == RevokeStyle.JSON) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("token", token).toString()));
        } else {
            form.put("token", token);
            form.put("token_type_hint", hint);
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        }
        HttpResponse<String> answer = send(request.build());
        if (answer.statusCode() >= 500 || answer.statusCode() == 429) {
            throw new ProviderUnavailable("The provider answered " + answer.statusCode() + " to the revocation", null);
        }
        if (answer.statusCode() >= 400) {
            throw new TokenRefused(errorOf(answer));
        }
        return true;
    }

    private TokenAnswer token(OAuthCredential credential, String baseUrl, ClientApp app, Map<String, String> form) {
        String url = settings.endpoint(credential, credential.tokenUrl(), baseUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded");
        authenticate(credential, app, request, form);
        HttpResponse<String> answer = send(request.POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
        int status = answer.statusCode();
        if (status >= 500 || status == 429) {
            throw new ProviderUnavailable("The provider's token endpoint answered " + status, null);
        }
        if (status >= 400) {
            throw new TokenRefused(errorOf(answer));
        }
        JsonNode body;
        try {
            body = json.readTree(answer.body());
        } catch (IOException e) {
            throw new ProviderUnavailable("The provider's token endpoint answered something that is not JSON", null);
        }
        String accessToken = body.path("access_token").asText(null);
        if (status != 200 || accessToken == null || accessToken.isEmpty()) {
            throw new ProviderUnavailable("The provider's token endpoint answered without an access token", null);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getKey().equals("access_token") && !e.getKey().equals("refresh_token")
                    && !e.getKey().equals("id_token")) {
                fields.put(e.getKey(), e.getValue().asText());
            }
        });
        String refreshToken = body.path("refresh_token").asText(null);
        Long expiresIn = body.path("expires_in").canConvertToLong() || body.path("expires_in").isTextual()
                ? parseLong(body.path("expires_in").asText()) : null;
        return new TokenAnswer(accessToken, refreshToken == null || refreshToken.isEmpty() ? null : refreshToken, expiresIn, fields);
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void authenticate(OAuthCredential credential, ClientApp app, HttpRequest.Builder request, Map<String, String> form) {
        if (credential.clientAuthentication() == ClientAuthentication.BASIC) {
            // RFC 6749 §2.3.1: both parts form-encoded before Base64.
            String pair = URLEncoder.encode(app.clientId(), StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(app.clientSecret(), StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", app.clientId());
            form.put("client_secret", app.clientSecret());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailable("The provider could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("Interrupted while waiting for the provider", e);
        }
    }

    private String errorOf(HttpResponse<String> answer) {
        try {
            String error = json.readTree(answer.body()).path("error").asText("");
            // Only the registered error code leaves this class, never the provider's free text.
            return error.matches("[a-z_]{1,40}") ? error : "http_" + answer.statusCode();
        } catch (IOException e) {
            return "http_" + answer.statusCode();
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
