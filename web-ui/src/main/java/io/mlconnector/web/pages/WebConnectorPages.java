package io.mlconnector.web.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.mlconnector.platform.qbwc.QwcFiles;
import io.mlconnector.platform.tenancy.CurrentTenant;
import io.mlconnector.web.connections.WebConnectorSetup;
import io.mlconnector.web.support.Ids;
import java.util.UUID;

/** The .qwc download and the Web Connector password, from a connection's page. */
@Controller("/app/connections/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class WebConnectorPages {

    private final WebConnectorSetup setup;
    private final ConnectionPages connectionPages;

    public WebConnectorPages(WebConnectorSetup setup, ConnectionPages connectionPages) {
        this.setup = setup;
        this.connectionPages = connectionPages;
    }

    @Get(value = "/web-connector.qwc", produces = {QwcFiles.MEDIA_TYPE, MediaType.TEXT_HTML})
    public HttpResponse<?> qwc(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        UUID connectionId = Ids.parse(id);
        try {
            return setup.qwc(connectionId, authentication);
        } catch (QwcFiles.AddressNotUsable e) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(connectionPages.overviewPage(request, authentication, connectionId, "error", e.getMessage()));
        }
    }

    /** Shows a new password once, in this answer only; it is never stored in clear nor put in an address. */
    @Post(value = "/web-connector-password", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> newPassword(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        UUID connectionId = Ids.parse(id);
        WebConnectorSetup.NewPassword shown = setup.newPassword(CurrentTenant.of(authentication).tenantId(), connectionId);
        return ConnectionPages.noStore(HttpResponse.ok(connectionPages.overviewPage(request, authentication, connectionId,
                "newPassword", shown)));
    }
}
