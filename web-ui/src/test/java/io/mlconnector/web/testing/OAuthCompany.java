package io.mlconnector.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlconnector.platform.testing.OAuthTestConnector;
import io.mlconnector.platform.testing.TestConnector;
import io.mlconnector.testkit.oauth.FakeOAuthServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/**
 * A company signed up through the pages with a connection of the OAuth test connector, whose Test
 * Books endpoints point at a {@link FakeOAuthServer} through the operator's settings.
 */
public final class OAuthCompany {

    private final WebSession session;
    private final UUID connectionId;

    private OAuthCompany(WebSession session, UUID connectionId) {
        this.session = session;
        this.connectionId = connectionId;
    }

    /** The settings a test's application context needs: the operator's app and the fake's origin. */
    public static Map<String, String> operatorSettings(FakeOAuthServer auth) {
        auth.registerClient("books-app", "books-app-secret");
        auth.returnOnRedirect("realmId", "9130350");
        return Map.of("ml.oauth." + OAuthTestConnector.PROVIDER + ".client-id", "books-app",
                "ml.oauth." + OAuthTestConnector.PROVIDER + ".client-secret", "books-app-secret",
                "ml.oauth." + OAuthTestConnector.PROVIDER + ".endpoint-origin", auth.baseUrl());
    }

    public static OAuthCompany signUp(String base, String name) {
        WebSession session = WebSession.signUp(base, name);
        session.get("/app/connections/new?connector=" + OAuthTestConnector.ID);
        HttpResponse<String> created = session.post("/app/connections", Map.of("connectorId", OAuthTestConnector.ID,
                "name", name + " books", TestConnector.SECRET_FIELD, "whsec_test_secret_9876"));
        assertEquals(303, created.statusCode(), created.body());
        UUID id = UUID.fromString(WebSession.find(WebSession.location(created), "/app/connections/([0-9a-f-]{36})"));
        return new OAuthCompany(session, id);
    }

    public WebSession session() {
        return session;
    }

    public UUID connectionId() {
        return connectionId;
    }

    public String connectionPath() {
        return "/app/connections/" + connectionId;
    }
}
