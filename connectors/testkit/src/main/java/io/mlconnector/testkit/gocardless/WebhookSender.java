package io.mlconnector.testkit.gocardless;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers events to a webhook endpoint the way GoCardless does: a POST of
 * {@code {"events": [...], "meta": {"webhook_id": "WB..."}}} with {@code Content-Type: application/json},
 * an {@code Origin} header naming the environment, and {@code Webhook-Signature} = lowercase hex
 * HMAC-SHA256 of the exact body bytes keyed with the endpoint secret. At most 250 events go in one
 * request; redirects are not followed and the receiver has 10 seconds to answer.
 *
 * <p>{@link Options} add what real deliveries do now and then: the same webhook twice, events out of
 * order, or (for negative tests) a signature made with the wrong secret.
 */
public final class WebhookSender {

    public static final String LIVE_ORIGIN = "https://api.gocardless.com";
    public static final String SANDBOX_ORIGIN = "https://api-sandbox.gocardless.com";
    public static final int MAX_EVENTS_PER_WEBHOOK = 250;

    /** How to deliver a list of events. */
    public record Options(boolean sendTwice, boolean newestFirst, boolean wrongSecret, int batchSize) {

        public Options {
            if (batchSize < 1 || batchSize > MAX_EVENTS_PER_WEBHOOK) {
                throw new IllegalArgumentException("batch size must be 1.." + MAX_EVENTS_PER_WEBHOOK);
            }
        }

        public static Options defaults() {
            return new Options(false, false, false, MAX_EVENTS_PER_WEBHOOK);
        }

        /** Each webhook is delivered twice, same id and body, as after a lost acknowledgement. */
        public Options duplicated() {
            return new Options(true, newestFirst, wrongSecret, batchSize);
        }

        /** Newest events first and the last batch first. */
        public Options outOfOrder() {
            return new Options(sendTwice, true, wrongSecret, batchSize);
        }

        /** Signed with a secret that is not the endpoint's. */
        public Options wrongSignature() {
            return new Options(sendTwice, newestFirst, true, batchSize);
        }

        public Options batchSize(int size) {
            return new Options(sendTwice, newestFirst, wrongSecret, size);
        }
    }

    private final String secret;
    private final String origin;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    /** A sender for an endpoint with this secret, with the live {@code Origin}. */
    public WebhookSender(String secret) {
        this(secret, LIVE_ORIGIN);
    }

    public WebhookSender(String secret, String origin) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Lowercase hex HMAC-SHA256 of {@code body} keyed with {@code secret} (both UTF-8). */
    public static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A fresh webhook id in GoCardless's shape ("WB" and twelve characters). */
    public String newWebhookId() {
        StringBuilder id = new StringBuilder("WB");
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        for (int i = 0; i < 12; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** The body GoCardless would send for these events under this webhook id. */
    public static String body(List<FakeGoCardlessEvent> events, String webhookId) {
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(events.get(i).json());
        }
        body.append("],\"meta\":{\"webhook_id\":\"").append(webhookId).append("\"}}");
        return body.toString();
    }

    /** Delivers the events in batches of up to 250, oldest first; one result per POST. */
    public List<WebhookDelivery> send(URI url, List<FakeGoCardlessEvent> events) {
        return send(url, events, Options.defaults());
    }

    public List<WebhookDelivery> send(URI url, List<FakeGoCardlessEvent> events, Options options) {
        List<FakeGoCardlessEvent> ordered = new ArrayList<>(events);
        if (options.newestFirst()) {
            java.util.Collections.reverse(ordered);
        }
        List<List<FakeGoCardlessEvent>> batches = new ArrayList<>();
        for (int from = 0; from < ordered.size(); from += options.batchSize()) {
            batches.add(ordered.subList(from, Math.min(ordered.size(), from + options.batchSize())));
        }
        List<WebhookDelivery> deliveries = new ArrayList<>();
        for (List<FakeGoCardlessEvent> batch : batches) {
            String webhookId = newWebhookId();
            String body = body(batch, webhookId);
            String signature = options.wrongSecret() ? sign(body, secret + "-wrong") : sign(body, secret);
            List<String> ids = batch.stream().map(FakeGoCardlessEvent::id).toList();
            deliveries.add(post(url, body, signature, webhookId, ids));
            if (options.sendTwice()) {
                deliveries.add(post(url, body, signature, webhookId, ids));
            }
        }
        return deliveries;
    }

    /** Posts a hand-made body, correctly signed: for malformed or unusual payloads. */
    public WebhookDelivery sendBody(URI url, String body) {
        return post(url, body, sign(body, secret), null, List.of());
    }

    /** Posts a hand-made body with the given {@code Webhook-Signature} (null sends none). */
    public WebhookDelivery sendBody(URI url, String body, String signature) {
        return post(url, body, signature, null, List.of());
    }

    private WebhookDelivery post(URI url, String body, String signature, String webhookId, List<String> eventIds) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Webhook-Signature", signature);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new WebhookDelivery(response.statusCode(), webhookId, eventIds, body, signature, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("webhook delivery to " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering a webhook", e);
        }
    }
}
