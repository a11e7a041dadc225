package com.example.acme;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Acme Pay signs each webhook body with HMAC-SHA256 of the raw bytes, hex, in {@code Acme-Signature}. */
final class AcmeSignature {

    static final String HEADER = "Acme-Signature";

    private AcmeSignature() {
    }

    static boolean matches(byte[] body, String header, List<String> secrets) {
        byte[] given = header.getBytes(StandardCharsets.US_ASCII);
        // Every secret is tried, so one being rotated out still verifies, and compared in constant time.
        return secrets.stream().anyMatch(secret -> MessageDigest.isEqual(sign(body, secret).getBytes(StandardCharsets.US_ASCII), given));
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
