package io.mlconnector.platform.tenancy;

import io.micronaut.security.authentication.Authentication;
import java.util.UUID;

/**
 * The tenant and person behind a request, read only from the signed session (cookie or bearer
 * token), never from a request parameter.
 */
public record CurrentTenant(UUID tenantId, UUID userId, String role) {

    public static final String TENANT_CLAIM = "tenant_id";
    public static final String ROLE_OWNER = "OWNER";

    public static CurrentTenant of(Authentication authentication) {
        if (authentication == null) {
            throw new IllegalStateException("Not signed in");
        }
        Object tenant = authentication.getAttributes().get(TENANT_CLAIM);
        if (tenant == null) {
            throw new IllegalStateException("Session carries no tenant");
        }
        String role = authentication.getRoles().contains(ROLE_OWNER) ? ROLE_OWNER : "MEMBER";
        return new CurrentTenant(UUID.fromString(tenant.toString()), UUID.fromString(authentication.getName()), role);
    }

    public boolean isOwner() {
        return ROLE_OWNER.equals(role);
    }
}
