package io.mlconnector.platform.connections;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.mlconnector.api.context.Choice;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.tenancy.CurrentTenant;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON API for the connector catalogue and a tenant's connections. */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ConnectionsApi {

    @Serdeable
    public record NewConnection(String connectorId, @Nullable String name, @Nullable Map<String, String> credentials,
                                @Nullable Map<String, String> settings) {
    }

    private final ConnectionService service;
    private final ConnectionViews views;
    private final PluginHost plugins;
    private final SettingChoices choices;

    public ConnectionsApi(ConnectionService service, ConnectionViews views, PluginHost plugins, SettingChoices choices) {
        this.choices = choices;
        this.service = service;
        this.views = views;
        this.plugins = plugins;
    }

    @Get("/connectors")
    public List<ConnectorSpec> catalogue() {
        return plugins.all().stream().map(PluginHost.LoadedConnector::spec).toList();
    }

    @Post("/connections")
    public HttpResponse<ConnectionViews.View> create(Authentication authentication, @Body NewConnection body) {
        CurrentTenant tenant = CurrentTenant.of(authentication);
        Connection created = service.create(tenant.tenantId(), body.connectorId(), body.name(), body.credentials(), body.settings());
        return HttpResponse.created(views.of(created), URI.create("/api/connections/" + created.id()));
    }

    @Get("/connections")
    public List<ConnectionViews.View> list(Authentication authentication) {
        return views.all(CurrentTenant.of(authentication).tenantId());
    }

    @Get("/connections/{id}")
    public ConnectionViews.View get(Authentication authentication, UUID id) {
        return views.of(service.get(CurrentTenant.of(authentication).tenantId(), id));
    }

    @Put("/connections/{id}/credentials")
    public ConnectionViews.View credentials(Authentication authentication, UUID id, @Body Map<String, String> values) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        service.updateCredentials(tenant, id, values);
        return views.of(service.get(tenant, id));
    }

    /** For each setting offering one of the connector's pick lists: the values to choose from. */
    @Get("/connections/{id}/setting-choices")
    public Map<String, List<Choice>> settingChoices(Authentication authentication, UUID id) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        Connection connection = service.get(tenant, id);
        return choices.offered(tenant, id, plugins.connector(connection.connectorId()).map(PluginHost.LoadedConnector::spec).orElse(null));
    }

    @Put("/connections/{id}/settings")
    public ConnectionViews.View settings(Authentication authentication, UUID id, @Body Map<String, String> values) {
        return views.of(service.updateSettings(CurrentTenant.of(authentication).tenantId(), id, values));
    }

    @Post("/connections/{id}/check")
    public CheckResult check(Authentication authentication, UUID id) {
        return service.check(CurrentTenant.of(authentication).tenantId(), id);
    }

    @Post("/connections/{id}/pause")
    public ConnectionViews.View pause(Authentication authentication, UUID id) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        service.setStatus(tenant, id, Connection.Status.PAUSED);
        return views.of(service.get(tenant, id));
    }

    @Post("/connections/{id}/resume")
    public ConnectionViews.View resume(Authentication authentication, UUID id) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        service.setStatus(tenant, id, Connection.Status.ACTIVE);
        return views.of(service.get(tenant, id));
    }

    @Delete("/connections/{id}")
    public HttpResponse<?> delete(Authentication authentication, UUID id) {
        service.delete(CurrentTenant.of(authentication).tenantId(), id);
        return HttpResponse.noContent();
    }
}
