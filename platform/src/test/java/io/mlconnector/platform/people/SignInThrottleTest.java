package io.mlconnector.platform.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Tenants;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SignInThrottleTest {

    @Inject
    EmbeddedServer server;

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedForAWhileButOtherAccountsAreUnaffected() {
        Api api = new Api(server.getURL().toString());
        Tenants tenants = new Tenants(api);
        Tenants.SignedUp victim = tenants.signUp("Victim");
        Tenants.SignedUp bystander = tenants.signUp("Bystander");

        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.postJson("/api/auth/token",
                    "{\"email\": \"%s\", \"password\": \"guess %d\"}".formatted(victim.email(), i)).statusCode());
        }

        var locked = api.postJson("/api/auth/token",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(victim.email(), victim.password()));
        assertEquals(429, locked.statusCode());
        assertEquals(SignInMessages.THROTTLED, Tenants.read(locked.body()).get("message").asText());
        assertEquals(200, api.postJson("/api/auth/token",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(bystander.email(), bystander.password())).statusCode());
    }
}
