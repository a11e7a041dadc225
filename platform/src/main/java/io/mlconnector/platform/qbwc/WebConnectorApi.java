package io.mlconnector.platform.qbwc;

import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionService;
import io.mlconnector.platform.plugins.PluginHost;
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
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.ops.ApiErrors;
import io.mlconnector.platform.ops.NotFound;
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

    public static final String QWC_MEDIA_TYPE = "application/x-qwc";

    @Serdeable
    public record PasswordShown(String userName, String password, String message) {
    }

    @Serdeable
    public record WebConnectorStatus(String userName, boolean passwordSet, String appUrl, @Nullable Instant lastPolledAt,
                                     @Nullable Instant lastAnsweredAt, @Nullable String qbxmlVersion,
                                     @Nullable String unreachableMessage, @Nullable Instant unreachableAt, int pendingRequests) {
    }

    /** The public address cannot be used by a Web Connector (plain http to another machine). */
    public static class AddressNotUsable extends RuntimeException {
        public AddressNotUsable(String message) {
            super(message);
        }
    }

    private record ConnectionInfo(String name, String runEvery) {
    }

    private final WebConnectorAccounts accounts;
    private final QuickBooksQueue queue;
    private final WsdlDocument wsdl;
    private final ConnectionService connections;
    private final PluginHost plugins;
    private final String supportUrl;

    public WebConnectorApi(WebConnectorAccounts accounts, QuickBooksQueue queue, WsdlDocument wsdl, ConnectionService connections,
                           PluginHost plugins, @io.micronaut.context.annotation.Value("${ml.qbwc.support-url:}") String supportUrl) {
        this.accounts = accounts;
        this.queue = queue;
        this.wsdl = wsdl;
        this.connections = connections;
        this.plugins = plugins;
        this.supportUrl = supportUrl;
    }

    @Get(value = "/{id}/web-connector.qwc", produces = QWC_MEDIA_TYPE)
    public HttpResponse<String> qwc(@PathVariable UUID id, Authentication authentication) {
        UUID tenantId = CurrentTenant.of(authentication).tenantId();
        ConnectionInfo connection = connection(tenantId, id);
        String appUrl = wsdl.serviceAddress();
        if (!QwcDocument.acceptableUrl(appUrl)) {
            throw new AddressNotUsable("The Web Connector only talks to an https address (or http on the same machine), but this "
                    + "server's public address is " + appUrl + ". Set ML_PUBLIC_BASE_URL to its https address.");
        }
        WebConnectorAccount account = accounts.ensure(tenantId, id);
        String shortId = id.toString().substring(0, 8);
        String name = connection.name().length() > 60 ? connection.name().substring(0, 60) : connection.name();
        String document = QwcDocument.write(new QwcDocument.Contents(
                "ml-connector " + name + " (" + shortId + ")",
                appUrl,
                "ml-connector keeps this QuickBooks company file in step with the payments of connection \"" + name + "\".",
                supportUrl.isBlank() ? appUrl.substring(0, appUrl.length() - "/qbwc".length()) + "/" : supportUrl,
                account.userName(),
                WebConnectorAccount.guid(account.ownerId()),
                WebConnectorAccount.guid(account.fileId()),
                QwcDocument.runEveryMinutes(connection.runEvery())));
        String fileName = "ml-connector-" + QwcDocument.slug(connection.name(), shortId) + ".qwc";
        return HttpResponse.ok(document)
                .contentType(QWC_MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store");
    }

    /** A new Web Connector password, returned this once; the old one stops working. */
    @Post("/{id}/web-connector-password")
    public HttpResponse<PasswordShown> newPassword(@PathVariable UUID id, Authentication authentication) {
        UUID tenantId = CurrentTenant.of(authentication).tenantId();
        connection(tenantId, id);
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
        connection(tenantId, id);
        WebConnectorAccount account = accounts.ensure(tenantId, id);
        return new WebConnectorStatus(account.userName(), account.passwordSet(), wsdl.serviceAddress(), account.lastPolledAt(),
                account.lastAnsweredAt(), account.qbxmlVersion(), account.unreachableMessage(), account.unreachableAt(),
                queue.pending(tenantId, id, null));
    }

    /** The connection, if it is the tenant's and its connector reaches QuickBooks Desktop through the Web Connector. */
    private ConnectionInfo connection(UUID tenantId, UUID id) {
        Connection connection = connections.get(tenantId, id);
        boolean viaWebConnector = plugins.connector(connection.connectorId())
                .map(c -> c.spec().usesWebConnector()).orElse(false);
        if (!viaWebConnector) {
            throw new NotFound("Web Connector set-up for this connection");
        }
        return new ConnectionInfo(connection.name(), connection.settings().get("qbwc_run_every_minutes"));
    }

    @Produces
    @Singleton
    public static class AddressNotUsableHandler implements ExceptionHandler<AddressNotUsable, HttpResponse<ApiErrors.Problem>> {
        @Override
        public HttpResponse<ApiErrors.Problem> handle(HttpRequest request, AddressNotUsable exception) {
            return HttpResponse.<ApiErrors.Problem>status(HttpStatus.CONFLICT).body(new ApiErrors.Problem(exception.getMessage(), Map.of()));
        }
    }
}
