package io.mlconnector.platform.qbwc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.testing.Api;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
@Property(name = "ml.qbwc.max-body-bytes", value = "4096")
class SoapLimitsTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aBodyOverTheConfiguredLimitIsRefusedWithAFault() {
        String padding = "x".repeat(5000);
        HttpResponse<String> response = new Api(server.getURL().toString()).send(HttpRequest.newBuilder(URI.create(server.getURL() + "/qbwc"))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<soap:Body><getLastError xmlns=\"http://developer.intuit.com/\"><ticket>" + padding
                        + "</ticket></getLastError></soap:Body></soap:Envelope>")));

        assertEquals(413, response.statusCode());
        assertTrue(Dom.text(Dom.all(Dom.parse(response.body()), "Fault").get(0), "faultstring").contains("larger than 4096 bytes"));
    }
}
