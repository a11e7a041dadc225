package io.mlconnector.systems.qbo;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code intuit-signature} header QuickBooks Online puts on every webhook: the base64
 * HMAC-SHA256 of the raw body keyed with the app's verifier token. Intuit's own SDK hashes the body
 * after decoding it with the platform charset and compares with {@code equals}; this hashes the
 * bytes as received and compares in constant time. Several tokens are accepted during a rotation.
 */
public final class QboWebhookVerifier {

    public static final String SIGNATURE_HEADER = "intuit-signature";
    private static final String HMAC = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    public QboWebhookVerifier(Collection<String> verifierTokens) {
        Objects.requireNonNull(verifierTokens, "verifierTokens");
        this.keys = verifierTokens.stream()
                .filter(t -> t != null && !t.isBlank())
                .map(t -> new SecretKeySpec(t.trim().getBytes(StandardCharsets.UTF_8), HMAC))
                .toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("At least one webhook verifier token is needed");
        }
    }

    public boolean isValid(byte[] rawBody, String signatureHeader) {
        Objects.requireNonNull(rawBody, "rawBody");
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signatureHeader.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        boolean matched = false;
        for (SecretKeySpec key : keys) {
            matched |= MessageDigest.isEqual(hmac(key, rawBody), presented);
        }
        return matched;
    }

    /** The header value QuickBooks Online would send for {@code rawBody} under {@code verifierToken}. */
    public static String signature(byte[] rawBody, String verifierToken) {
        return Base64.getEncoder().encodeToString(
                hmac(new SecretKeySpec(verifierToken.getBytes(StandardCharsets.UTF_8), HMAC), rawBody));
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
}
