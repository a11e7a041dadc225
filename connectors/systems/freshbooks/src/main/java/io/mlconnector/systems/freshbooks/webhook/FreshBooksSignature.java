package io.mlconnector.systems.freshbooks.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-FreshBooks-Hmac-SHA256}: base64 of HMAC-SHA256 keyed with the callback's verifier (UTF-8) over
 * {@link SignedText} of the delivery's fields.
 */
public final class FreshBooksSignature {

    public static final String HEADER = "X-FreshBooks-Hmac-SHA256";

    private FreshBooksSignature() {
    }

    public static String sign(String verifier, Map<String, String> fields) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(verifier.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(SignedText.of(fields).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** True when the signature was made with any of the verifiers; each comparison takes constant time. */
    public static boolean matches(String signature, Map<String, String> fields, List<String> verifiers) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String verifier : verifiers) {
            if (verifier == null || verifier.isEmpty()) {
                continue;
            }
            byte[] expected = sign(verifier, fields).getBytes(StandardCharsets.US_ASCII);
            matched |= MessageDigest.isEqual(expected, given);
        }
        return matched;
    }
}
