package io.mlconnector.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.tenancy.CurrentTenant;
import io.mlconnector.web.connections.ConnectionOverview;
import io.mlconnector.web.connections.Health;
import java.util.List;

/** The signed-in home: every connection with its health, its last activity and its last 24 hours. */
@Controller("/app")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class DashboardPages {

    private final Page page;
    private final ConnectionOverview overview;
    private final PluginHost plugins;

    public DashboardPages(Page page, ConnectionOverview overview, PluginHost plugins) {
        this.page = page;
        this.overview = overview;
        this.plugins = plugins;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<?> dashboard(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String deleted,
                                  @Nullable @QueryValue String oauth) {
        List<ConnectionOverview.Summary> summaries = overview.all(CurrentTenant.of(authentication).tenantId());
        long needingAction = summaries.stream().filter(s -> s.health().state() != Health.State.WORKING
                && s.health().state() != Health.State.PAUSED).count();
        return new ModelAndView<>("dashboard", page.signedIn(request, authentication, "Connections", "connections",
                "summaries", summaries,
                "needingAction", needingAction,
                "connectorCount", plugins.all().size(),
                "notice", deleted != null ? "The connection was deleted." : null,
                // A sign-in answer that could not be tied to one of this person's connections ends here.
                "error", oauth == null ? null : io.mlconnector.platform.oauth.OAuthOutcome.ofCode(oauth)
                        .filter(o -> !o.ok()).map(o -> o.sentence(null)).orElse(null)));
    }
}
