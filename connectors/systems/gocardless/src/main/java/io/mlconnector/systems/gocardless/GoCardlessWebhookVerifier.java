package io.mlconnector.systems.gocardless;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code Webhook-Signature} header GoCardless puts on every webhook: the lowercase hex
 * HMAC-SHA256 of the raw request body, keyed with the webhook endpoint's secret.
 *
 * <p>It takes several secrets so an endpoint secret can be rotated without losing webhooks: a body
 * is genuine when it matches any of them. Comparison is constant-time. Verify the raw bytes as
 * received, before any parsing; GoCardless asks receivers to answer {@value #INVALID_SIGNATURE_STATUS}
 * to a bad signature.
 */
public final class GoCardlessWebhookVerifier {

    public static final String SIGNATURE_HEADER = "Webhook-Signature";
    /** GoCardless's documented answer to a webhook whose signature does not match ("Token Invalid"). */
    public static final int INVALID_SIGNATURE_STATUS = 498;

    private static final String HMAC = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    /** @param secrets the endpoint secrets in force (blank entries are ignored; at least one is needed) */
    public GoCardlessWebhookVerifier(Collection<String> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        this.keys = secrets.stream()
                .filter(s -> s != null && !s.isBlank())
                .map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), HMAC))
                .toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("At least one webhook endpoint secret is needed");
        }
    }

    public static GoCardlessWebhookVerifier of(String... secrets) {
        return new GoCardlessWebhookVerifier(Arrays.asList(secrets));
    }

    /** True when {@code signatureHeader} is the signature of {@code rawBody} under one of the secrets. */
    public boolean isValid(byte[] rawBody, String signatureHeader) {
        Objects.requireNonNull(rawBody, "rawBody");
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return false;
        }
        byte[] presented = signatureHeader.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        // Every key is tried, so the time taken does not tell which one matched.
        for (SecretKeySpec key : keys) {
            byte[] expected = hex(hmac(key, rawBody)).getBytes(StandardCharsets.US_ASCII);
            matched |= MessageDigest.isEqual(expected, presented);
        }
        return matched;
    }

    /**
     * Like {@link #isValid} but throws, with a reason that names neither the secrets nor the
     * expected signature.
     */
    public void verify(byte[] rawBody, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new GoCardlessWebhookSignatureException("The webhook has no " + SIGNATURE_HEADER + " header");
        }
        if (!isValid(rawBody, signatureHeader)) {
            throw new GoCardlessWebhookSignatureException("The " + SIGNATURE_HEADER
                    + " header does not match the body signed with any configured endpoint secret");
        }
    }

    /** The signature GoCardless would send for {@code rawBody} under {@code secret}. */
    public static String signature(byte[] rawBody, String secret) {
        return hex(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC), rawBody));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
