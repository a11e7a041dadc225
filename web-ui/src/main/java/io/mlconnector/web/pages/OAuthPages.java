package io.mlconnector.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.mlconnector.platform.oauth.OAuthConnect;
import io.mlconnector.platform.people.InvalidInput;
import io.mlconnector.platform.tenancy.CurrentTenant;
import io.mlconnector.web.support.Ids;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * "Connect to …", Reconnect and Disconnect of a connection's OAuth systems, and the one callback
 * every provider redirects back to. Each ends on the connection page, which words the outcome; the
 * address names the outcome only, never anything the provider sent.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OAuthPages {

    private final OAuthConnect connect;
    private final ConnectionPages connectionPages;

    public OAuthPages(OAuthConnect connect, ConnectionPages connectionPages) {
        this.connect = connect;
        this.connectionPages = connectionPages;
    }

    @Post(value = "/app/connections/{id}/oauth/{system}/connect", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> connect(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                   @PathVariable String system, @Nullable @Body Map<String, String> form) {
        CurrentTenant person = CurrentTenant.of(authentication);
        UUID connectionId = Ids.parse(id);
        Map<String, String> fields = form == null ? Map.of() : form;
        OAuthConnect.AppInput input = new OAuthConnect.AppInput(fields.get("client_id"), fields.get("client_secret"),
                fields.get("environment"), fields.get("base_url"));
        boolean clientCredentials = connect.states(person.tenantId(), connectionId).stream()
                .anyMatch(s -> s.system().equals(system) && s.clientCredentials());
        try {
            if (clientCredentials) {
                return outcome(connect.connectWithClient(person.tenantId(), connectionId, system, input));
            }
            return HttpResponse.seeOther(connect.start(person.tenantId(), connectionId, person.userId(), system, input))
                    .header("Cache-Control", "no-store");
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(connectionPages.overviewPage(request, authentication, connectionId,
                    "error", String.join(" ", invalid.fieldErrors().values())));
        }
    }

    @Post(value = "/app/connections/{id}/oauth/{system}/disconnect", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> disconnect(Authentication authentication, @PathVariable String id, @PathVariable String system) {
        return outcome(connect.disconnect(CurrentTenant.of(authentication).tenantId(), Ids.parse(id), system));
    }

    /** Where every provider sends the person back, with {@code code} and {@code state} or an {@code error}. */
    @Get(value = OAuthConnect.CALLBACK_PATH, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> callback(HttpRequest<?> request, Authentication authentication) {
        CurrentTenant person = CurrentTenant.of(authentication);
        Map<String, String> query = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        return outcome(connect.callback(query, person.tenantId(), person.userId()));
    }

    private static HttpResponse<?> outcome(OAuthConnect.Result result) {
        String where = result.connectionId() == null ? "/app" : "/app/connections/" + result.connectionId();
        String query = "?oauth=" + result.outcome().code()
                + (result.system() == null ? "" : "&system=" + URLEncoder.encode(result.system(), StandardCharsets.UTF_8));
        // The callback's own address carried a code and a state: keep it out of later Referer headers.
        return HttpResponse.seeOther(URI.create(where + query)).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
    }
}
