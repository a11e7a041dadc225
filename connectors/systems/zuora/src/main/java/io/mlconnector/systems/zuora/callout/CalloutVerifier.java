package io.mlconnector.systems.zuora.callout;

import io.mlconnector.api.webhook.WebhookRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a callout against the connection's chosen proofs, over the raw body bytes, comparing in
 * constant time. The answer is a reason for people (never containing a secret) or empty when the
 * callout proved itself.
 */
public final class CalloutVerifier {

    private CalloutVerifier() {
    }

    public static Optional<String> problem(WebhookRequest request, CalloutAuth auth) {
        // Both checks always run, so the time taken does not say which one failed.
        Optional<String> hmac = auth.mode().needsHmac() ? hmacProblem(request, auth.hmac()) : Optional.empty();
        Optional<String> basic = auth.mode().needsBasic() ? basicProblem(request, auth.basic()) : Optional.empty();
        return hmac.isPresent() ? hmac : basic;
    }

    static Optional<String> hmacProblem(WebhookRequest request, CalloutAuth.Hmac hmac) {
        if (hmac.keys().isEmpty()) {
            return Optional.of("No HMAC key is stored for this connection");
        }
        Optional<String> header = request.header(hmac.header());
        if (header.isEmpty()) {
            return Optional.of("The callout has no " + hmac.header() + " header");
        }
        String value = header.get().trim();
        if (!value.startsWith(hmac.valuePrefix())) {
            return Optional.of("The " + hmac.header() + " header does not start as configured");
        }
        Optional<byte[]> given = hmac.encoding().decode(value.substring(hmac.valuePrefix().length()));
        if (given.isEmpty()) {
            return Optional.of("The " + hmac.header() + " header is not " + hmac.encoding().id());
        }
        byte[] signed = hmac.signed().of(request.body());
        boolean matched = false;
        for (String key : hmac.keys()) {
            matched |= MessageDigest.isEqual(mac(hmac.algorithm(), key, signed), given.get());
        }
        return matched ? Optional.empty() : Optional.of("The callout's HMAC signature does not match");
    }

    static Optional<String> basicProblem(WebhookRequest request, CalloutAuth.Basic basic) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.of("The callout has no basic authentication");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.of("The callout's basic authentication is malformed");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.of("The callout's basic authentication is malformed");
        }
        boolean user = same(decoded.substring(0, colon), basic.username() == null ? "" : basic.username());
        boolean password = false;
        for (String accepted : basic.passwords()) {
            password |= same(decoded.substring(colon + 1), accepted);
        }
        return user && password && !basic.passwords().isEmpty() ? Optional.empty()
                : Optional.of("The callout's user name or password is wrong");
    }

    /** Signs like Zuora would; also used by tests and fakes to make a valid callout. */
    public static byte[] mac(HmacAlgorithm algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm.jca());
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm.jca()));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares digests, so neither the content nor the length of a secret shows in the time taken. */
    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
