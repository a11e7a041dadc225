package io.mlconnector.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.web.testing.WebSession;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AccountPagesTest {

    @Inject
    EmbeddedServer server;

    @Test
    void signingUpThroughTheFormLandsOnTheDashboard() {
        WebSession session = WebSession.signUp(server.getURL().toString(), "Form Co");

        HttpResponse<String> dashboard = session.get("/app");

        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains("No connections yet"));
        assertTrue(dashboard.body().contains("Form Co"));
    }

    @Test
    void signUpProblemsAreShownBesideTheirFields() {
        WebSession session = new WebSession(server.getURL().toString());
        session.get("/sign-up");

        HttpResponse<String> response = session.post("/sign-up", Map.of("companyName", "", "name", "Ann", "email", "nope",
                "password", "short"));

        assertEquals(400, response.statusCode());
        assertTrue(WebSession.find(response.body(), "id=\"password-error\">(.*?)</p>").contains("at least 10 characters"));
        assertTrue(WebSession.find(response.body(), "(<input id=\"email\"[^>]*>)").contains("aria-invalid=\"true\""));
    }

    @Test
    void signUpWithoutTheFormsCsrfTokenIsRefused() {
        WebSession session = new WebSession(server.getURL().toString());
        session.get("/sign-up");

        HttpResponse<String> forged = session.postRaw("/sign-up", Map.of("companyName", "Forged", "name", "Eve",
                "email", "eve@example.com", "password", "a long enough password"));

        assertEquals(403, forged.statusCode());
    }

    @Test
    void signingOutEndsTheSessionAndSigningInThroughTheFormStartsANewOne() {
        WebSession session = WebSession.signUp(server.getURL().toString(), "Session Co");
        session.get("/app");

        HttpResponse<String> signedOut = session.post("/logout", Map.of());

        assertEquals(303, signedOut.statusCode());
        assertEquals("/sign-in?signed-out=1", WebSession.location(signedOut));
        assertEquals(303, session.get("/app").statusCode(), "the old session no longer opens the dashboard");
        assertTrue(session.get("/sign-in?signed-out=1").body().contains("You are signed out."));
        HttpResponse<String> signedIn = session.post("/login", Map.of("username", session.email(), "password", WebSession.PASSWORD));
        assertEquals("/app", WebSession.location(signedIn));
        assertTrue(session.get("/app").body().contains("Session Co"));
    }

    @Test
    void aSignedOutVisitorIsSentToSignIn() {
        HttpResponse<String> response = new WebSession(server.getURL().toString()).get("/app/activity");

        assertEquals(303, response.statusCode());
        assertTrue(WebSession.location(response).contains("/sign-in"));
    }
}
