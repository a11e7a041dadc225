package io.mlconnector.systems.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code Stripe-Signature} header over the raw request bytes, as Stripe signs them:
 * {@code t=<unix seconds>,v1=<hex>[,v1=…]}, where each v1 is the lowercase hex HMAC-SHA256 of
 * {@code "<t>." + body}, keyed with an endpoint secret ({@code whsec_…}, used whole as UTF-8).
 *
 * <p>Any v1 may match any configured secret, so a secret can be rolled (Stripe then signs with both)
 * without losing deliveries; other schemes ({@code v0}) are ignored. A timestamp older than the
 * tolerance (default {@value #DEFAULT_TOLERANCE_SECONDS} s) is refused, so a captured delivery cannot
 * be replayed later; like Stripe's own libraries, a timestamp ahead of our clock is accepted.
 * Comparisons are constant-time. Verify before parsing: a re-serialised body no longer matches.
 */
public final class StripeWebhookVerifier {

    public static final String SIGNATURE_HEADER = "Stripe-Signature";
    public static final long DEFAULT_TOLERANCE_SECONDS = 300;

    private static final String HMAC = "HmacSHA256";

    private final List<SecretKeySpec> keys;
    private final Duration tolerance;
    private final Clock clock;

    public StripeWebhookVerifier(Collection<String> secrets) {
        this(secrets, Duration.ofSeconds(DEFAULT_TOLERANCE_SECONDS), Clock.systemUTC());
    }

    public StripeWebhookVerifier(Collection<String> secrets, Duration tolerance, Clock clock) {
        this.keys = Objects.requireNonNull(secrets, "secrets").stream()
                .filter(s -> s != null && !s.isBlank())
                .map(s -> new SecretKeySpec(s.strip().getBytes(StandardCharsets.UTF_8), HMAC))
                .toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("At least one webhook signing secret is needed");
        }
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws StripeWebhookSignatureException when the header does not prove the body came from Stripe */
    public void verify(byte[] rawBody, String header) {
        Objects.requireNonNull(rawBody, "rawBody");
        if (header == null || header.isBlank()) {
            throw new StripeWebhookSignatureException("The webhook has no " + SIGNATURE_HEADER + " header");
        }
        Long timestamp = null;
        List<byte[]> presented = new ArrayList<>();
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = item.substring(0, eq).strip();
            String value = item.substring(eq + 1).strip();
            if ("t".equals(name)) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new StripeWebhookSignatureException("The " + SIGNATURE_HEADER + " timestamp is not a number");
                }
            } else if ("v1".equals(name)) {
                presented.add(value.getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (timestamp == null) {
            throw new StripeWebhookSignatureException("The " + SIGNATURE_HEADER + " header has no timestamp (t=)");
        }
        if (presented.isEmpty()) {
            throw new StripeWebhookSignatureException("The " + SIGNATURE_HEADER + " header has no v1 signature");
        }
        boolean matched = false;
        // Every secret and every v1 is compared, so the time taken does not tell which one matched.
        for (SecretKeySpec key : keys) {
            byte[] expected = hex(key, timestamp, rawBody);
            for (byte[] v1 : presented) {
                matched |= MessageDigest.isEqual(expected, v1);
            }
        }
        if (!matched) {
            throw new StripeWebhookSignatureException("The " + SIGNATURE_HEADER
                    + " header does not match the body signed with any configured webhook signing secret");
        }
        long age = clock.instant().getEpochSecond() - timestamp;
        if (!tolerance.isZero() && age > tolerance.toSeconds()) {
            throw new StripeWebhookSignatureException("The webhook was signed " + age + " s ago, more than the "
                    + tolerance.toSeconds() + " s allowed");
        }
    }

    /** The header Stripe would send for these bytes at this time under these secrets (for tests and tools). */
    public static String signatureHeader(byte[] rawBody, long timestamp, String... secrets) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) {
            header.append(",v1=").append(new String(hex(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC),
                    timestamp, rawBody), StandardCharsets.US_ASCII));
        }
        return header.toString();
    }

    private static byte[] hex(SecretKeySpec key, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
