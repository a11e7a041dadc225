package io.mlconnector.platform.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.FromAddress;
import io.mlconnector.platform.testing.Tenants;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SignInThrottleTest {

    @Inject
    EmbeddedServer server;

    @Test
    void fiveFailuresFromOneAddressRefuseThatAddressButNotThePersonElsewhereNorOtherAccounts() {
        Api api = new Api(server.getURL().toString());
        Tenants tenants = new Tenants(api);
        Tenants.SignedUp victim = tenants.signUp("Victim");
        Tenants.SignedUp bystander = tenants.signUp("Bystander");

        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.postJson("/api/auth/token",
                    "{\"email\": \"%s\", \"password\": \"guess %d\"}".formatted(victim.email(), i)).statusCode());
        }

        String rightPassword = "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(victim.email(), victim.password());
        var locked = api.postJson("/api/auth/token", rightPassword);
        assertEquals(429, locked.statusCode(), "the guessing address is slowed down, even with the right password");
        assertEquals(SignInMessages.THROTTLED, Tenants.read(locked.body()).get("message").asText());
        FromAddress.Answer elsewhere = FromAddress.post("127.0.0.2", server.getURL() + "/api/auth/token", "application/json", rightPassword);
        assertEquals(200, elsewhere.status(), "the real person, at their own address, still signs in: " + elsewhere.raw());
        assertEquals(200, api.postJson("/api/auth/token",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(bystander.email(), bystander.password())).statusCode());
    }

    @Test
    void theSignInFormOfThePersonElsewhereWorksWhileTheirAccountIsBeingGuessed() {
        Api api = new Api(server.getURL().toString());
        Tenants.SignedUp victim = new Tenants(api).signUp("Form Victim");
        for (int i = 0; i < 6; i++) {
            api.postJson("/api/auth/token", "{\"email\": \"%s\", \"password\": \"guess %d\"}".formatted(victim.email(), i));
        }
        String form = "username=" + java.net.URLEncoder.encode(victim.email(), java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(victim.password(), java.nio.charset.StandardCharsets.UTF_8);
        FromAddress.Answer signedIn = FromAddress.post("127.0.0.2", server.getURL() + "/login", "application/x-www-form-urlencoded", form);
        assertEquals(303, signedIn.status(), signedIn.raw());
        assertTrue(signedIn.raw().contains("/app"), signedIn.raw());
    }
}
