package io.mlconnector.platform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.tenancy.CurrentTenant;
import java.time.Instant;
import java.util.UUID;

/** The signed-in tenant's audit log, filtered and paged. */
@Controller("/api/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AuditApi {

    private final AuditLog audit;

    public AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @Get("/{id}")
    public AuditEntry entry(Authentication authentication, long id) {
        return audit.find(CurrentTenant.of(authentication).tenantId(), id).orElseThrow(() -> new NotFound("Audit entry"));
    }

    @Get
    public AuditPage query(Authentication authentication,
                           @Nullable @QueryValue UUID connectionId,
                           @Nullable @QueryValue String correlationId,
                           @Nullable @QueryValue Instant from,
                           @Nullable @QueryValue Instant to,
                           @QueryValue(defaultValue = "0") int page,
                           @QueryValue(defaultValue = "50") int size) {
        CurrentTenant tenant = CurrentTenant.of(authentication);
        return audit.query(tenant.tenantId(), new AuditQuery(connectionId, correlationId, from, to, page, size));
    }
}
