package io.mlconnector.platform.ops;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The operator's token ({@code ML_OPERATOR_TOKEN}), sent as {@code Authorization: Bearer …} to read
 * health details and metrics. It is not a person's session: it opens nothing else. Without one
 * configured, details and metrics are closed to everyone.
 */
@Singleton
public class OperatorCredential {

    private final byte[] token;

    public OperatorCredential(@Value("${ml.operator-token:}") String token) {
        this.token = token.isBlank() ? new byte[0] : token.trim().getBytes(StandardCharsets.UTF_8);
    }

    public boolean presentedBy(HttpRequest<?> request) {
        if (token.length == 0) {
            return false;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }
}
