package io.mlconnector.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.platform.plugins.PluginHost;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** A signed-up tenant with a connection of the test connector, and ways to send it webhooks. */
public final class Runtime {

    public static final String SECRET = "whsec_test_0123456789abcdef";

    /** A connection as the API returned it. */
    public record TestConnection(UUID id, String webhookUrl, Tenants.SignedUp owner) {
    }

    private final Api api;
    private final Tenants tenants;

    public Runtime(Api api, PluginHost plugins) {
        this.api = api;
        this.tenants = new Tenants(api);
        if (plugins.connector(TestConnector.ID).isEmpty()) {
            plugins.register(new TestConnector());
        }
    }

    public TestConnection connection(String company) {
        return connection(tenants.signUp(company));
    }

    public TestConnection connection(Tenants.SignedUp owner) {
        HttpResponse<String> created = api.postJson("/api/connections", """
                {"connectorId": "%s", "name": "Books", "credentials": {"api_key": "tk_abcdefgh1234", "signing_secret": "%s"}}"""
                .formatted(TestConnector.ID, SECRET), owner.auth());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.statusCode() + " " + created.body());
        }
        JsonNode view = Tenants.read(created.body());
        return new TestConnection(UUID.fromString(view.get("id").asText()), view.at("/webhooks/0/url").asText(), owner);
    }

    public HttpResponse<String> send(TestConnection connection, String body) {
        return send(connection.webhookUrl(), body, TestConnector.sign(body.getBytes(), SECRET));
    }

    public HttpResponse<String> send(String url, String body, String signature) {
        return api.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Test-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public JsonNode records(TestConnection connection, String query) {
        return Tenants.read(api.get("/api/sync-records?connectionId=" + connection.id() + (query.isEmpty() ? "" : "&" + query),
                connection.owner().auth()).body());
    }

    /** The record of one object, or null. */
    public JsonNode record(TestConnection connection, String objectId) {
        for (JsonNode row : records(connection, "q=" + objectId)) {
            if (row.at("/record/sourceId").asText().equals(objectId)) {
                return row;
            }
        }
        return null;
    }

    public String status(TestConnection connection, String objectId) {
        JsonNode row = record(connection, objectId);
        return row == null ? "NONE" : row.at("/record/status").asText();
    }
}
