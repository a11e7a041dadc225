package io.mlconnector.testkit.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers events to a webhook endpoint the way Stripe does: one event per POST, pretty-printed JSON,
 * {@code Content-Type: application/json; charset=utf-8}, and {@code Stripe-Signature: t=<unix
 * seconds>,v1=<hex>} where v1 is the HMAC-SHA256 of {@code "<t>.<body bytes>"} keyed with the endpoint
 * secret (one v1 per secret in force during a rotation).
 *
 * <p>{@link Options} add what real deliveries do: the same event again, events newest first, a
 * timestamp from the past, or a signature under a secret the endpoint does not have.
 */
public final class StripeEventSender {

    /** How to deliver a list of events. */
    public record Options(boolean twice, boolean newestFirst, boolean wrongSecret, Duration age) {

        public static Options defaults() {
            return new Options(false, false, false, Duration.ZERO);
        }

        /** Each event is delivered twice, as after a lost acknowledgement. */
        public Options duplicated() {
            return new Options(true, newestFirst, wrongSecret, age);
        }

        public Options outOfOrder() {
            return new Options(twice, true, wrongSecret, age);
        }

        public Options wrongSignature() {
            return new Options(twice, newestFirst, true, age);
        }

        /** Signed with a timestamp this long ago, as a replayed delivery would be. */
        public Options signedAgo(Duration ago) {
            return new Options(twice, newestFirst, wrongSecret, ago);
        }
    }

    /** One POST and the receiver's answer. */
    public record Delivery(String eventId, int status, String body, String signature, String response) {
        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private final List<String> secrets;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** @param secrets the endpoint secrets in force ({@code whsec_…}); each yields one v1 */
    public StripeEventSender(String... secrets) {
        this(Clock.systemUTC(), secrets);
    }

    public StripeEventSender(Clock clock, String... secrets) {
        if (secrets.length == 0) {
            throw new IllegalArgumentException("an endpoint has at least one secret");
        }
        this.secrets = List.of(secrets);
        this.clock = Objects.requireNonNull(clock);
    }

    public List<Delivery> send(String url, List<ObjectNode> events) {
        return send(url, events, Options.defaults());
    }

    public List<Delivery> send(String url, List<ObjectNode> events, Options options) {
        List<ObjectNode> order = new ArrayList<>(events);
        if (options.newestFirst()) {
            Collections.reverse(order);
        }
        List<Delivery> out = new ArrayList<>();
        for (ObjectNode event : order) {
            out.add(deliver(url, event, options));
            if (options.twice()) {
                out.add(deliver(url, event, options));
            }
        }
        return out;
    }

    /** The exact bytes Stripe would POST for this event. */
    public byte[] body(ObjectNode event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code Stripe-Signature} header for these bytes at this time, one v1 per secret. */
    public String signatureHeader(byte[] body, long timestamp) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) {
            header.append(",v1=").append(sign(secret, timestamp, body));
        }
        return header.toString();
    }

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private Delivery deliver(String url, ObjectNode event, Options options) {
        byte[] body = body(event);
        long t = clock.instant().minus(options.age()).getEpochSecond();
        String signature = options.wrongSecret()
                ? "t=" + t + ",v1=" + sign("whsec_not_the_endpoint_secret", t, body)
                : signatureHeader(body, t);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Delivery(event.path("id").asText(), response.statusCode(), new String(body,
                    StandardCharsets.UTF_8), signature, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("could not deliver " + event.path("id").asText() + " to " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering a webhook", e);
        }
    }
}
