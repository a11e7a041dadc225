package io.mlconnector.testkit.context;

import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.OutboundHttp;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * HTTP straight through the JDK client, without the platform's rate limits and retries: a 429 or
 * 5xx comes back to the connector as it is, so tests see what the other system answered.
 */
public final class DirectOutboundHttp implements OutboundHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public HttpResponse<String> send(String system, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RetryLater(system + " could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("interrupted while calling " + system);
        }
    }
}
