package io.mlconnector.platform.oauth;

import java.util.Map;

/**
 * A token endpoint's success answer (RFC 6749 §5.1).
 *
 * @param refreshToken null when none was returned (client credentials, or a provider that keeps the old one)
 * @param expiresIn    seconds, or null when the provider did not say
 * @param fields       every other top-level string or number field, e.g. {@code realmId} for some providers
 */
record TokenAnswer(String accessToken, String refreshToken, Long expiresIn, Map<String, String> fields) {

    @Override
    public String toString() {
        return "TokenAnswer[expiresIn=" + expiresIn + ", refreshed=" + (refreshToken != null) + "]";
    }
}
