package io.mlconnector.systems.zuora;

import java.util.Objects;
import java.util.Optional;

/**
 * One Zuora tenant as a connection reaches it.
 *
 * @param baseUrl       e.g. {@code https://rest.zuora.com}, without a trailing slash
 * @param clientId      the OAuth client's id
 * @param clientSecret  the OAuth client's secret; never logged
 * @param entityIds     the {@code Zuora-Entity-Ids} header for multi-entity tenants, or null
 * @param maxConcurrent how many requests this tenant may have in flight from this instance at once
 */
public record ZuoraConnection(String baseUrl, String clientId, String clientSecret, String entityIds, int maxConcurrent) {

    /** Well below Zuora's 200 concurrent requests per tenant, which its UI and other integrations share. */
    public static final int DEFAULT_MAX_CONCURRENT = 8;

    public ZuoraConnection {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        entityIds = entityIds == null || entityIds.isBlank() ? null : entityIds.trim();
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("At least one concurrent request is needed");
        }
    }

    public ZuoraConnection(String baseUrl, String clientId, String clientSecret) {
        this(baseUrl, clientId, clientSecret, null, DEFAULT_MAX_CONCURRENT);
    }

    public Optional<String> entity() {
        return Optional.ofNullable(entityIds);
    }

    /** Which Zuora tenant (or entity) this is, for sharing a token and the concurrency cap; holds no secret. */
    String tenantKey() {
        return baseUrl + "|" + clientId + "|" + (entityIds == null ? "" : entityIds);
    }

    @Override
    public String toString() {
        return "ZuoraConnection[" + baseUrl + ", client " + clientId + "]";
    }
}
