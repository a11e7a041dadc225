package io.mlconnector.testkit.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain HTTP against the fake, for asserting the wire format itself rather than a client's view of it. */
final class RawHttp {

    record Response(int status, HttpHeaders headers, JsonNode json) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeGoCardless fake;

    RawHttp(FakeGoCardless fake) {
        this.fake = fake;
    }

    /** The headers the official client sends. */
    Map<String, String> standardHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + fake.accessToken());
        h.put("GoCardless-Version", FakeGoCardless.API_VERSION);
        h.put("Accept", "application/json");
        return h;
    }

    Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, standardHeaders());
    }

    Response post(String path, String body, Map<String, String> extraHeaders) {
        Map<String, String> h = standardHeaders();
        h.put("Content-Type", "application/json");
        h.putAll(extraHeaders);
        return send("POST", path, body, h);
    }

    Response send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.baseUrl() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), JSON.readTree(r.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
