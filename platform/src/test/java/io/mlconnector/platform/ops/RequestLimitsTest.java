package io.mlconnector.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.testing.Api;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Requests that are too big get an answer the client can read, not a reset connection. */
@MicronautTest(transactional = false)
class RequestLimitsTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aBodyOverTheLimitIsAnswered413AndTheConnectionIsNotReset() {
        Api api = new Api(server.getURL().toString());
        byte[] eleven = new byte[11 * 1024 * 1024];
        HttpResponse<String> answer = api.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(eleven)));

        assertEquals(413, answer.statusCode());
        assertTrue(answer.body().contains("limited to"), answer.body());
        assertEquals(200, api.get("/health").statusCode(), "the server goes on serving");
    }

    @Test
    void anAddressOverTheLimitIsAnswered414() {
        Api api = new Api(server.getURL().toString());
        HttpResponse<String> answer = api.get("/api/sync-records?q=" + "a".repeat(10_000));

        assertEquals(414, answer.statusCode());
        assertEquals(200, api.get("/health").statusCode());
    }
}
