package io.mlconnector.testkit.zuora;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Sends callouts as a Zuora notification with a callout template would: POST, JSON body with the
 * merge fields filled, a new {@code Zuora-Request-Id} per attempt, and the authentication the
 * template was given — basic (the notification's "Callout Authentication"), an HMAC header computed
 * over the template's Data text (the body followed by a new line, as each Data item ends with LF),
 * or both. Can repeat and reorder deliveries, as Zuora's retries do.
 */
public final class ZuoraCalloutSender {

    /** How the template proves itself. Null parts are left out. */
    public record Auth(String username, String password, String hmacAlgorithm, String hmacKey, String header,
                       String valuePrefix, boolean hex, boolean dataEndsWithNewLine) {

        public static Auth basic(String username, String password) {
            return new Auth(username, password, null, null, null, null, false, true);
        }

        /** HMAC as the connection page asks: SHA-256, base64, Data = body + LF. */
        public static Auth hmac(String header, String key) {
            return new Auth(null, null, "HmacSHA256", key, header, "", false, true);
        }

        public Auth andBasic(String user, String pass) {
            return new Auth(user, pass, hmacAlgorithm, hmacKey, header, valuePrefix, hex, dataEndsWithNewLine);
        }

        public Auth withAlgorithm(String jcaName) {
            return new Auth(username, password, jcaName, hmacKey, header, valuePrefix, hex, dataEndsWithNewLine);
        }

        public Auth hexWithPrefix(String prefix) {
            return new Auth(username, password, hmacAlgorithm, hmacKey, header, prefix, true, dataEndsWithNewLine);
        }

        public Auth withoutTrailingNewLine() {
            return new Auth(username, password, hmacAlgorithm, hmacKey, header, valuePrefix, hex, false);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Auth auth;

    public ZuoraCalloutSender(Auth auth) {
        this.auth = auth;
    }

    /** Delivers one callout; returns the receiver's status. */
    public int send(String url, FakeZuoraCallout callout) {
        return send(url, callout.body());
    }

    public int send(String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Zuora-Request-Id", UUID.randomUUID().toString().replace("-", ""))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (auth.username() != null) {
            String pair = auth.username() + ":" + auth.password();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (auth.hmacKey() != null) {
            request.header(auth.header(), auth.valuePrefix() + sign(body));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each callout {@code times} times, in a shuffled order (seeded, so a failure can be replayed). */
    public List<Integer> sendRepeatedOutOfOrder(String url, List<FakeZuoraCallout> callouts, int times, long seed) {
        List<FakeZuoraCallout> all = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            all.addAll(callouts);
        }
        Collections.shuffle(all, new Random(seed));
        List<Integer> statuses = new ArrayList<>();
        for (FakeZuoraCallout callout : all) {
            statuses.add(send(url, callout));
        }
        return statuses;
    }

    private String sign(String body) {
        String data = auth.dataEndsWithNewLine() ? body + "\n" : body;
        try {
            Mac mac = Mac.getInstance(auth.hmacAlgorithm());
            mac.init(new SecretKeySpec(auth.hmacKey().getBytes(StandardCharsets.UTF_8), auth.hmacAlgorithm()));
            byte[] signature = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            return auth.hex() ? HexFormat.of().formatHex(signature) : Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
