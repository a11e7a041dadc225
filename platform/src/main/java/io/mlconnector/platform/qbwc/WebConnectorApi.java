package io.mlconnector.platform.qbwc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.mlconnector.platform.ops.ApiErrors;
import io.mlconnector.platform.tenancy.CurrentTenant;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The Web Connector set-up of the signed-in tenant's connections: the {@code .qwc} file to add to
 * the Web Connector, the password to type in it (generated, shown once), and what the Web
 * Connector last did. Another tenant's connection is simply not found.
 */
@Controller("/api/connections")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class WebConnectorApi {

    public static final String QWC_MEDIA_TYPE = QwcFiles.MEDIA_TYPE;

    @Serdeable
    public record PasswordShown(String userName, String password, String message) {
    }

    @Serdeable
    public record WebConnectorStatus(String userName, boolean passwordSet, String appUrl, @Nullable Instant lastPolledAt,
                                     @Nullable Instant lastAnsweredAt, @Nullable String qbxmlVersion,
                                     @Nullable String unreachableMessage, @Nullable Instant unreachableAt, int pendingRequests) {
    }

    private final WebConnectorAccounts accounts;
    private final QuickBooksQueue queue;
    private final WsdlDocument wsdl;
    private final QwcFiles files;

    public WebConnectorApi(WebConnectorAccounts accounts, QuickBooksQueue queue, WsdlDocument wsdl, QwcFiles files) {
        this.accounts = accounts;
        this.queue = queue;
        this.wsdl = wsdl;
        this.files = files;
    }

    @Get(value = "/{id}/web-connector.qwc", produces = QWC_MEDIA_TYPE)
    public HttpResponse<String> qwc(@PathVariable UUID id, Authentication authentication) {
        return files.write(CurrentTenant.of(authentication).tenantId(), id).asDownload();
    }

    /** A new Web Connector password, returned this once; the old one stops working. */
    @Post("/{id}/web-connector-password")
    public HttpResponse<PasswordShown> newPassword(@PathVariable UUID id, Authentication authentication) {
        UUID tenantId = CurrentTenant.of(authentication).tenantId();
        files.webConnectorConnection(tenantId, id);
        String password = accounts.newPassword(tenantId, id);
        WebConnectorAccount account = accounts.ensure(tenantId, id);
        return HttpResponse.created(new PasswordShown(account.userName(), password,
                        "Type this password into the Web Connector when it asks. It is shown only now; "
                                + "if it is lost, generate a new one."))
                .header("Cache-Control", "no-store");
    }

    @Get("/{id}/web-connector")
    public WebConnectorStatus status(@PathVariable UUID id, Authentication authentication) {
        UUID tenantId = CurrentTenant.of(authentication).tenantId();
        files.webConnectorConnection(tenantId, id);
        WebConnectorAccount account = accounts.ensure(tenantId, id);
        return new WebConnectorStatus(account.userName(), account.passwordSet(), wsdl.serviceAddress(), account.lastPolledAt(),
                account.lastAnsweredAt(), account.qbxmlVersion(), account.unreachableMessage(), account.unreachableAt(),
                queue.pending(tenantId, id, null));
    }

    @Produces
    @Singleton
    public static class AddressNotUsableHandler implements ExceptionHandler<QwcFiles.AddressNotUsable, HttpResponse<ApiErrors.Problem>> {
        @Override
        public HttpResponse<ApiErrors.Problem> handle(HttpRequest request, QwcFiles.AddressNotUsable exception) {
            return HttpResponse.<ApiErrors.Problem>status(HttpStatus.CONFLICT).body(new ApiErrors.Problem(exception.getMessage(), Map.of()));
        }
    }
}
