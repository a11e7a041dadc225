package io.mlconnector.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Signs up tenants through the public API and signs their owners in, for tests. */
public final class Tenants {

    /** A signed-up tenant with its owner's bearer token. */
    public record SignedUp(UUID tenantId, UUID ownerId, String email, String password, String token) {
        public String[] auth() {
            return new String[] {"Authorization", Api.bearer(token)};
        }
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api api;

    public Tenants(Api api) {
        this.api = api;
    }

    public SignedUp signUp(String company) {
        String email = "owner" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "a long enough password";
        HttpResponse<String> created = api.postJson("/api/signup", """
                {"companyName": "%s", "name": "Owner of %s", "email": "%s", "password": "%s"}"""
                .formatted(company, company, email, password));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Sign-up failed: " + created.statusCode() + " " + created.body());
        }
        JsonNode person = read(created.body());
        return new SignedUp(UUID.fromString(person.get("tenantId").asText()), UUID.fromString(person.get("id").asText()),
                email, password, token(email, password));
    }

    public String token(String email, String password) {
        HttpResponse<String> response = api.postJson("/api/auth/token", """
                {"email": "%s", "password": "%s"}""".formatted(email, password));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).get("access_token").asText();
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }
}
