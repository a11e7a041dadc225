package io.mlconnector.systems.freshbooks.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends one HTTP request; a seam so a connector can route FreshBooks calls through its own transport. */
@FunctionalInterface
public interface HttpSender {

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException;

    /** The JDK client with a connect timeout. */
    static HttpSender standard() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return request -> client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
