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

    @Test
    void healthReportsTheDatabase() {
        HttpResponse<String> health = new Api(server.getURL().toString()).get("/health");
        assertEquals(200, health.statusCode());
        var body = Tenants.read(health.body());
        assertEquals("UP", body.get("status").asText());
        assertEquals("UP", body.at("/details/jdbc/status").asText());
    }

    @Test
    void metricsArePublishedInPrometheusFormat() {
        Api api = new Api(server.getURL().toString());
        api.get("/health");
        HttpResponse<String> metrics = api.get("/prometheus");
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
