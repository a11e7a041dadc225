package io.mlconnector.platform.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.OAuthTestConnector;
import io.mlconnector.platform.testing.Runtime;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.testkit.oauth.FakeOAuthServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A tenant with a connection of the OAuth test connector, and the person's side of "Connect to Test Books" without a browser. */
final class OAuthFlows {

    record Books(UUID connectionId, String webhookUrl, Tenants.SignedUp owner) {
    }

    private final Api api;
    private final OAuthConnect connect;
    private final FakeOAuthServer auth;

    OAuthFlows(Api api, OAuthConnect connect, FakeOAuthServer auth) {
        this.api = api;
        this.connect = connect;
        this.auth = auth;
    }

    Books connection(String company) {
        Tenants.SignedUp owner = new Tenants(api).signUp(company);
        var created = api.postJson("/api/connections", """
                {"connectorId": "%s", "name": "Books", "credentials": {"signing_secret": "%s"}}"""
                .formatted(OAuthTestConnector.ID, Runtime.SECRET), owner.auth());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.statusCode() + " " + created.body());
        }
        JsonNode view = Tenants.read(created.body());
        return new Books(UUID.fromString(view.get("id").asText()), view.at("/webhooks/0/url").asText(), owner);
    }

    /** Connect, consent at the fake, come back: what the callback made of it. */
    OAuthConnect.Result connect(Books books) {
        return connect.callback(consent(books), books.owner().tenantId(), books.owner().ownerId());
    }

    /** Starts the flow and consents at the fake: the callback's query the browser would bring back. */
    Map<String, String> consent(Books books) {
        URI authorize = connect.start(books.owner().tenantId(), books.connectionId(), books.owner().ownerId(), OAuthTestConnector.SYSTEM,
                OAuthConnect.AppInput.none());
        return query(auth.consentTo(authorize.toString()));
    }

    static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
