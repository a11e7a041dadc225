package io.mlconnector.platform.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Tenants;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AccountsTest {

    @Inject
    EmbeddedServer server;

    Api api;
    Tenants tenants;

    @BeforeEach
    void setUp() {
        api = new Api(server.getURL().toString());
        tenants = new Tenants(api);
    }

    @Test
    void signUpCreatesATenantWhoseOwnerCanSignInWithABearerToken() {
        Tenants.SignedUp acme = tenants.signUp("Acme Ltd");

        HttpResponse<String> me = api.get("/api/me", acme.auth());

        assertEquals(200, me.statusCode());
        JsonNode body = Tenants.read(me.body());
        assertEquals("Acme Ltd", body.at("/tenant/name").asText());
        assertEquals(acme.email(), body.at("/person/email").asText());
        assertEquals("OWNER", body.at("/person/role").asText());
        assertFalse(me.body().contains("password"), "the password hash never leaves the server");
    }

    @Test
    void invalidSignUpSaysWhatToCorrectPerFieldAndCreatesNothing() {
        HttpResponse<String> response = api.postJson("/api/signup", """
                {"companyName": "", "name": "Ann", "email": "not-an-email", "password": "short"}""");

        assertEquals(400, response.statusCode());
        JsonNode errors = Tenants.read(response.body()).get("fieldErrors");
        assertTrue(errors.has("companyName"));
        assertTrue(errors.has("email"));
        assertEquals("Use at least 10 characters.", errors.get("password").asText());
        assertEquals(401, api.postJson("/api/auth/token", "{\"email\": \"not-an-email\", \"password\": \"short\"}").statusCode());
    }

    @Test
    void anEmailCanOwnOnlyOneAccount() {
        Tenants.SignedUp first = tenants.signUp("First");

        HttpResponse<String> again = api.postJson("/api/signup", """
                {"companyName": "Second", "name": "Ann", "email": "%s", "password": "another long password"}"""
                .formatted(first.email().toUpperCase()));

        assertEquals(400, again.statusCode());
        assertTrue(Tenants.read(again.body()).at("/fieldErrors/email").asText().contains("already exists"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        Tenants.SignedUp acme = tenants.signUp("Acme");

        HttpResponse<String> wrongPassword = api.postJson("/api/auth/token",
                "{\"email\": \"%s\", \"password\": \"not the password\"}".formatted(acme.email()));
        HttpResponse<String> unknownEmail = api.postJson("/api/auth/token",
                "{\"email\": \"nobody-%s\", \"password\": \"not the password\"}".formatted(acme.email()));

        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownEmail.statusCode());
        assertEquals(wrongPassword.body(), unknownEmail.body());
    }

    @Test
    void browserSignInSetsAnHttpOnlySameSiteSessionCookieAndSignOutClearsIt() {
        Tenants.SignedUp acme = tenants.signUp("Cookie Co");

        HttpResponse<String> signIn = api.postForm("/login", Map.of("username", acme.email(), "password", acme.password()));

        assertEquals(303, signIn.statusCode());
        String cookie = sessionCookie(signIn.headers().allValues("Set-Cookie"));
        assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));
        assertEquals(200, api.get("/api/me", "Cookie", session).statusCode());

        HttpResponse<String> signOut = api.postForm("/logout", Map.of(), "Cookie", session);
        String cleared = sessionCookie(signOut.headers().allValues("Set-Cookie"));
        assertTrue(cleared.contains("Max-Age=0"), cleared);
    }

    @Test
    void withoutASessionTheApiAnswers401() {
        assertEquals(401, api.get("/api/me").statusCode());
        assertEquals(401, api.get("/api/me", "Authorization", "Bearer not-a-token").statusCode());
    }

    private static String sessionCookie(List<String> setCookies) {
        return setCookies.stream().filter(c -> c.startsWith("JWT=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
    }
}
