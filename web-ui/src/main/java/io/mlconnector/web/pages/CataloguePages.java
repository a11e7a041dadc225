package io.mlconnector.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionService;
import io.mlconnector.platform.people.InvalidInput;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.tenancy.CurrentTenant;
import io.mlconnector.web.connections.CredentialForm;
import io.mlconnector.web.connections.SettingsForm;
import io.mlconnector.web.support.PageNotFound;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The connector catalogue and the form that creates a connection from a connector's spec. */
@Controller("/app")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class CataloguePages {

    private final Page page;
    private final PluginHost plugins;
    private final ConnectionService connections;

    public CataloguePages(Page page, PluginHost plugins, ConnectionService connections) {
        this.page = page;
        this.plugins = plugins;
        this.connections = connections;
    }

    @Get(value = "/connectors", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> catalogue(HttpRequest<?> request, Authentication authentication) {
        List<ConnectorSpec> specs = plugins.all().stream().map(PluginHost.LoadedConnector::spec).toList();
        return new ModelAndView<>("connectors", page.signedIn(request, authentication, "Add a connection", "connections",
                "connectors", specs));
    }

    @Get(value = "/connections/new", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> newConnection(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String connector) {
        ConnectorSpec spec = spec(connector);
        return form(request, authentication, spec, spec.name(), Map.of(), Map.of(), false);
    }

    @Post(value = "/connections", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> create(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        ConnectorSpec spec = spec(form.get("connectorId"));
        Map<String, String> credentials = CredentialForm.submitted(spec, form);
        List<SettingField> needed = SettingsForm.neededToStart(spec);
        Map<String, String> settings = SettingsForm.submitted(needed, form);
        try {
            Connection created = connections.create(CurrentTenant.of(authentication).tenantId(), spec.id(), form.get("name"),
                    credentials, settings);
            return HttpResponse.seeOther(URI.create("/app/connections/" + created.id() + "?created=1"));
        } catch (InvalidInput invalid) {
            boolean secretsDropped = spec.credentialFields().stream()
                    .anyMatch(f -> f.secret() && !credentials.getOrDefault(f.key(), "").isBlank());
            Map<String, String> typed = new HashMap<>(form);
            return HttpResponse.badRequest(form(request, authentication, spec, form.getOrDefault("name", ""), typed,
                    invalid.fieldErrors(), secretsDropped));
        }
    }

    private ModelAndView<?> form(HttpRequest<?> request, Authentication authentication, ConnectorSpec spec, String name,
                                 Map<String, String> typed, Map<String, String> errors, boolean secretsDropped) {
        List<SettingField> needed = SettingsForm.neededToStart(spec);
        return new ModelAndView<>("connection-new", page.signedIn(request, authentication, "Set up " + spec.name(), "connections",
                "spec", spec,
                "name", name,
                "groups", CredentialForm.of(spec, List.of(), typed, errors),
                "settings", SettingsForm.of(needed, Map.of(), typed, errors),
                "errors", errors,
                "secretsDropped", secretsDropped));
    }

    private ConnectorSpec spec(String connectorId) {
        return plugins.connector(connectorId == null ? "" : connectorId).map(PluginHost.LoadedConnector::spec)
                .orElseThrow(PageNotFound::new);
    }
}
