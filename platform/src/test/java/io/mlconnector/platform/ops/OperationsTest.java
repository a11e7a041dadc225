package io.mlconnector.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Tenants;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class OperationsTest {

    @Inject
    EmbeddedServer server;

    private static final String OPERATOR = Api.bearer("test-operator-token");

    @Test
    void healthWithoutTheOperatorTokenSaysOnlyUpOrDown() {
        Api api = new Api(server.getURL().toString());
        for (String[] headers : new String[][] {{}, {"Authorization", Api.bearer("a-guess")}}) {
            HttpResponse<String> health = api.get("/health", headers);
            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"UP\"}", health.body());
        }
    }

    @Test
    void aSignedInPersonIsNoOperator() {
        Api api = new Api(server.getURL().toString());
        var person = new Tenants(api).signUp("Health Curious Ltd");
        assertEquals("{\"status\":\"UP\"}", api.get("/health", "Authorization", person.auth()[1]).body());
        assertEquals(401, api.get("/prometheus", "Authorization", person.auth()[1]).statusCode());
    }

    @Test
    void theOperatorSeesTheDatabaseInTheHealthDetails() {
        HttpResponse<String> health = new Api(server.getURL().toString()).get("/health", "Authorization", OPERATOR);
        assertEquals(200, health.statusCode());
        var body = Tenants.read(health.body());
        assertEquals("UP", body.get("status").asText());
        assertEquals("UP", body.at("/details/jdbc/status").asText());
    }

    @Test
    void metricsAreForTheOperatorInPrometheusFormat() {
        Api api = new Api(server.getURL().toString());
        api.get("/health");
        assertEquals(401, api.get("/prometheus").statusCode());
        assertEquals(401, api.get("/prometheus", "Authorization", Api.bearer("a-guess")).statusCode());
        HttpResponse<String> metrics = api.get("/prometheus", "Authorization", OPERATOR);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("# TYPE http_server_requests_seconds"), metrics.body().substring(0, 200));
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"));
    }

    @Test
    void everyAnswerCarriesARequestIdAndKeepsASaneOneFromTheCaller() {
        Api api = new Api(server.getURL().toString());
        assertTrue(api.get("/health").headers().firstValue(RequestContextFilter.HEADER).isPresent());
        assertEquals("trace-abc-12345", api.get("/health", RequestContextFilter.HEADER, "trace-abc-12345")
                .headers().firstValue(RequestContextFilter.HEADER).orElseThrow());
        String injected = api.get("/health", RequestContextFilter.HEADER, "bad id\r\nwith newline".replace("\r\n", "%0d"))
                .headers().firstValue(RequestContextFilter.HEADER).orElseThrow();
        assertTrue(injected.matches("[0-9a-f-]{36}"), injected);
    }
}
