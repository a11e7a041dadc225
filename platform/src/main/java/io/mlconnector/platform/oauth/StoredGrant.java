package io.mlconnector.platform.oauth;

import java.time.Instant;
import java.util.Map;

/**
 * What the vault holds for one connected system: tokens, the tenant's own app (if any), the chosen
 * environment and the values kept with the grant. Never printed.
 */
record StoredGrant(String accessToken, String refreshToken, Instant accessExpiresAt, String baseUrl, ClientApp tenantApp,
                   Map<String, String> values) {

    boolean connected() {
        return accessToken != null || refreshToken != null;
    }

    @Override
    public String toString() {
        return "StoredGrant[accessExpiresAt=" + accessExpiresAt + ", connected=" + connected() + "]";
    }
}
