package io.mlconnector.platform.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Tenants;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class InvitationsTest {

    @Inject
    EmbeddedServer server;

    @Test
    void anInvitedColleagueJoinsTheSameTenantOnceAndCannotInviteOthers() {
        Api api = new Api(server.getURL().toString());
        Tenants tenants = new Tenants(api);
        Tenants.SignedUp owner = tenants.signUp("Team Co");
        String colleagueEmail = "colleague-" + owner.ownerId() + "@example.com";

        HttpResponse<String> invited = api.postJson("/api/invitations", "{\"email\": \"%s\"}".formatted(colleagueEmail), owner.auth());
        assertEquals(201, invited.statusCode(), invited.body());
        String link = Tenants.read(invited.body()).get("acceptUrl").asText();
        String token = link.substring(link.indexOf("token=") + 6);

        HttpResponse<String> joined = api.postJson("/api/invitations/accept",
                "{\"token\": \"%s\", \"name\": \"Colin\", \"password\": \"colleague password\"}".formatted(token));
        assertEquals(201, joined.statusCode(), joined.body());
        JsonNode colleague = Tenants.read(joined.body());
        assertEquals(owner.tenantId().toString(), colleague.get("tenantId").asText());
        assertEquals("MEMBER", colleague.get("role").asText());

        HttpResponse<String> reused = api.postJson("/api/invitations/accept",
                "{\"token\": \"%s\", \"name\": \"Mallory\", \"password\": \"another password\"}".formatted(token));
        assertEquals(400, reused.statusCode());
        assertTrue(reused.body().contains("already been used"));

        String colleagueToken = tenants.token(colleagueEmail, "colleague password");
        HttpResponse<String> team = api.get("/api/people", "Authorization", Api.bearer(colleagueToken));
        assertEquals(2, Tenants.read(team.body()).size());
        assertEquals(403, api.postJson("/api/invitations", "{\"email\": \"x@example.com\"}",
                "Authorization", Api.bearer(colleagueToken)).statusCode());
    }

    @Test
    void aMadeUpInvitationTokenJoinsNothing() {
        Api api = new Api(server.getURL().toString());
        HttpResponse<String> response = api.postJson("/api/invitations/accept",
                "{\"token\": \"made-up\", \"name\": \"Eve\", \"password\": \"eve's long password\"}");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("not valid"));
    }
}
