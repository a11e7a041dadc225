package io.mlconnector.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionService;
import io.mlconnector.platform.connections.ConnectionViews;
import io.mlconnector.platform.oauth.OAuthConnect;
import io.mlconnector.platform.oauth.OAuthOutcome;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.people.InvalidInput;
import io.mlconnector.platform.plugins.PluginFailure;
import io.mlconnector.platform.sync.AlertActions;
import io.mlconnector.platform.sync.ReplayService;
import io.mlconnector.platform.tenancy.CurrentTenant;
import io.mlconnector.web.connections.ConnectionOverview;
import io.mlconnector.web.connections.CredentialForm;
import io.mlconnector.web.connections.SettingLists;
import io.mlconnector.web.connections.SettingsForm;
import io.mlconnector.web.connections.WebConnectorSetup;
import io.mlconnector.web.support.Ids;
import io.mlconnector.web.support.PageNotFound;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A connection's pages: its overview with set-up help and "Test connection", its credentials and its
 * settings, and the actions on it (pause, resume, delete, run failed items again).
 */
@Controller("/app/connections/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ConnectionPages {

    /** Fixed notices shown after an action; the address names one, never the text itself. */
    static final Map<String, String> NOTICES = Map.of(
            "created", "Connection created. Follow the set-up steps below, then press Test connection.",
            "credentials", "Credentials saved. Press Test connection to check them.",
            "settings", "Settings saved.",
            "paused", "Paused. Incoming events are kept and handled when you resume.",
            "resumed", "Resumed.",
            "dismissed", "Alert dismissed.");

    /** One side of a "Test connection" answer, named as the connector names its systems. */
    public record SideResult(String system, boolean ok, String message) {
    }

    /** A webhook the connection receives: where to paste its address and whether its signing secret is saved. */
    public record WebhookSetup(String name, String url, String help, String secretLabel, boolean secretSet, String secretShown) {
    }

    private final Page page;
    private final ConnectionService connections;
    private final ConnectionOverview overview;
    private final WebConnectorSetup webConnector;
    private final ReplayService replays;
    private final AlertActions alertActions;
    private final SettingLists settingLists;
    private final OAuthConnect oauth;

    public ConnectionPages(Page page, ConnectionService connections, ConnectionOverview overview, WebConnectorSetup webConnector,
                           ReplayService replays, AlertActions alertActions, SettingLists settingLists, OAuthConnect oauth) {
        this.oauth = oauth;
        this.alertActions = alertActions;
        this.settingLists = settingLists;
        this.page = page;
        this.connections = connections;
        this.overview = overview;
        this.webConnector = webConnector;
        this.replays = replays;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<?> show(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                @Nullable @QueryValue String created, @Nullable @QueryValue String saved,
                                @Nullable @QueryValue String replayed, @Nullable @QueryValue("oauth") String oauthOutcome,
                                @Nullable @QueryValue String system) {
        String notice = created != null ? NOTICES.get("created") : saved == null ? null : NOTICES.get(saved);
        UUID connectionId = Ids.parse(id);
        OAuthOutcome outcome = oauthOutcome == null ? null : OAuthOutcome.ofCode(oauthOutcome).orElse(null);
        if (outcome != null) {
            String sentence = outcome.sentence(oauthName(CurrentTenant.of(authentication).tenantId(), connectionId, system, outcome));
            if (!outcome.ok()) {
                return overviewPage(request, authentication, connectionId, "error", sentence);
            }
            notice = sentence;
        }
        if (replayed != null && replayed.matches("\\d{1,6}")) {
            int count = Integer.parseInt(replayed);
            notice = count == 0 ? "There were no failed items to run again."
                    : count + (count == 1 ? " failed item is" : " failed items are") + " running again.";
        }
        return overviewPage(request, authentication, connectionId, "notice", notice);
    }

    /** The name an outcome sentence uses: the company once connected, else the system's name. */
    private String oauthName(UUID tenant, UUID connectionId, String system, OAuthOutcome outcome) {
        return oauth.states(tenant, connectionId).stream().filter(s -> s.system().equals(system)).findFirst()
                .map(s -> outcome == OAuthOutcome.CONNECTED && s.companyName() != null ? s.companyName() : s.systemName())
                .orElse(null);
    }

    @Post(value = "/check", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public ModelAndView<?> check(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        UUID connectionId = Ids.parse(id);
        ConnectorSpec spec = overview.one(tenant, connectionId).spec();
        List<SideResult> sides;
        try {
            CheckResult result = connections.check(tenant, connectionId);
            sides = result.sides().stream().map(side -> new SideResult(systemName(spec, side.system()), side.ok(), side.message())).toList();
        } catch (PluginFailure | InvalidInput e) {
            sides = List.of(new SideResult("ml-connector", false,
                    "The test could not run: " + (e instanceof InvalidInput invalid ? String.join(" ", invalid.fieldErrors().values())
                            : "the connector did not answer. Try again in a minute.")));
        }
        return overviewPage(request, authentication, connectionId, "checkResult", sides,
                "checkOk", sides.stream().allMatch(SideResult::ok));
    }

    @Get(value = "/credentials", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> credentials(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        UUID connectionId = Ids.parse(id);
        ConnectionOverview.Summary summary = overview.one(CurrentTenant.of(authentication).tenantId(), connectionId);
        return credentialsPage(request, authentication, summary, Map.of());
    }

    @Post(value = "/credentials", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> saveCredentials(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                           @Body Map<String, String> form) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        UUID connectionId = Ids.parse(id);
        ConnectionOverview.Summary summary = overview.one(tenant, connectionId);
        try {
            connections.updateCredentials(tenant, connectionId, CredentialForm.submitted(requireSpec(summary), form));
            return HttpResponse.seeOther(URI.create("/app/connections/" + connectionId + "?saved=credentials"));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(credentialsPage(request, authentication, summary, invalid.fieldErrors()));
        }
    }

    @Get(value = "/settings", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> settings(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        ConnectionOverview.Summary summary = overview.one(CurrentTenant.of(authentication).tenantId(), Ids.parse(id));
        return settingsPage(request, authentication, summary, Map.of(), Map.of());
    }

    @Post(value = "/settings", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> saveSettings(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                        @Body Map<String, String> form) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        UUID connectionId = Ids.parse(id);
        ConnectionOverview.Summary summary = overview.one(tenant, connectionId);
        Map<String, String> values = SettingsForm.submitted(requireSpec(summary).settings(), form);
        try {
            connections.updateSettings(tenant, connectionId, values);
            return HttpResponse.seeOther(URI.create("/app/connections/" + connectionId + "/settings?saved=1"));
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(settingsPage(request, authentication, summary, values, invalid.fieldErrors()));
        }
    }

    @Post(value = "/pause", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> pause(Authentication authentication, @PathVariable String id) {
        return setStatus(authentication, id, Connection.Status.PAUSED, "paused");
    }

    @Post(value = "/resume", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> resume(Authentication authentication, @PathVariable String id) {
        return setStatus(authentication, id, Connection.Status.ACTIVE, "resumed");
    }

    @Get(value = "/delete", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> confirmDelete(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        ConnectionOverview.Summary summary = overview.one(CurrentTenant.of(authentication).tenantId(), Ids.parse(id));
        return new ModelAndView<>("connection-delete", page.signedIn(request, authentication, "Delete " + summary.view().name(),
                "connections", "summary", summary, "view", summary.view(), "tab", ""));
    }

    @Post(value = "/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> delete(Authentication authentication, @PathVariable String id) {
        UUID connectionId = Ids.parse(id);
        try {
            connections.delete(CurrentTenant.of(authentication).tenantId(), connectionId);
        } catch (NotFound e) {
            throw new PageNotFound();
        }
        return HttpResponse.seeOther(URI.create("/app?deleted=1"));
    }

    /** A person dealt with an alert: it stops counting against the connection's health. */
    @Post(value = "/alerts/{alertId}/dismiss", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> dismissAlert(Authentication authentication, @PathVariable String id, @PathVariable String alertId) {
        UUID connectionId = Ids.parse(id);
        try {
            alertActions.acknowledge(CurrentTenant.of(authentication).tenantId(), connectionId, Ids.parse(alertId));
        } catch (NotFound e) {
            throw new PageNotFound();
        }
        return HttpResponse.seeOther(URI.create("/app/connections/" + connectionId + "?saved=dismissed"));
    }

    @Post(value = "/replay-failed", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> replayFailed(Authentication authentication, @PathVariable String id,
                                        @Nullable @Body Map<String, String> form) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        UUID connectionId = Ids.parse(id);
        overview.view(tenant, connectionId);
        int count = replays.replayFailed(tenant, connectionId);
        String back = form == null ? null : form.get("back");
        if ("attention".equals(back)) {
            return HttpResponse.seeOther(URI.create("/app/attention?replayed=" + count));
        }
        return HttpResponse.seeOther(URI.create("/app/connections/" + connectionId + "?replayed=" + count));
    }

    /** The overview page, with extra values such as a test result or a password shown once. */
    ModelAndView<?> overviewPage(HttpRequest<?> request, Authentication authentication, UUID connectionId, Object... extra) {
        UUID tenant = CurrentTenant.of(authentication).tenantId();
        ConnectionOverview.Summary summary = overview.one(tenant, connectionId);
        ConnectionViews.View view = summary.view();
        Map<String, ConnectionViews.CredentialState> credentials = new HashMap<>();
        view.credentials().forEach(state -> credentials.put(state.key(), state));
        List<WebhookSetup> webhooks = view.webhooks().stream().map(address -> {
            String secretField = summary.spec() == null ? null
                    : summary.spec().webhook(address.source()).map(w -> w.secretField()).orElse(null);
            ConnectionViews.CredentialState secret = secretField == null ? null : credentials.get(secretField);
            return new WebhookSetup(address.name(), address.url(), address.setupHelp(),
                    secret == null ? null : secret.label(), secret != null && secret.set(), secret == null ? "" : secret.shown());
        }).toList();
        List<OAuthConnect.SystemState> oauthSystems = oauth.states(tenant, connectionId);
        boolean reconnectByOAuth = view.reconnect() != null
                && oauthSystems.stream().anyMatch(s -> s.system().equals(view.reconnect().system()));
        Map<String, Object> model = page.signedIn(request, authentication, view.name(), "connections",
                "summary", summary, "view", view, "tab", "overview", "webhooks", webhooks,
                "oauthSystems", oauthSystems, "reconnectByOAuth", reconnectByOAuth,
                "webConnector", view.usesWebConnector() ? webConnector.status(tenant, connectionId, summary) : null);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            model.put((String) extra[i], extra[i + 1]);
        }
        return new ModelAndView<>("connection", model);
    }

    private ModelAndView<?> credentialsPage(HttpRequest<?> request, Authentication authentication, ConnectionOverview.Summary summary,
                                            Map<String, String> errors) {
        ConnectorSpec spec = requireSpec(summary);
        return new ModelAndView<>("connection-credentials", page.signedIn(request, authentication,
                "Credentials · " + summary.view().name(), "connections",
                "summary", summary, "view", summary.view(), "tab", "credentials",
                "groups", CredentialForm.of(spec, summary.view().credentials(), Map.of(), errors), "errors", errors));
    }

    private ModelAndView<?> settingsPage(HttpRequest<?> request, Authentication authentication, ConnectionOverview.Summary summary,
                                         Map<String, String> typed, Map<String, String> errors) {
        ConnectorSpec spec = requireSpec(summary);
        boolean saved = errors.isEmpty() && request.getParameters().contains("saved");
        SettingLists.Offered offered = settingLists.of(CurrentTenant.of(authentication).tenantId(), summary.view().id(), spec);
        return new ModelAndView<>("connection-settings", page.signedIn(request, authentication,
                "Settings · " + summary.view().name(), "connections",
                "summary", summary, "view", summary.view(), "tab", "settings",
                "settings", SettingsForm.of(spec.settings(), summary.view().settings(), typed, errors, offered), "errors", errors,
                "notice", saved ? NOTICES.get("settings") : null));
    }

    private HttpResponse<?> setStatus(Authentication authentication, String id, Connection.Status status, String notice) {
        UUID connectionId = Ids.parse(id);
        try {
            connections.setStatus(CurrentTenant.of(authentication).tenantId(), connectionId, status);
        } catch (NotFound e) {
            throw new PageNotFound();
        }
        return HttpResponse.seeOther(URI.create("/app/connections/" + connectionId + "?saved=" + notice));
    }

    private static ConnectorSpec requireSpec(ConnectionOverview.Summary summary) {
        if (summary.spec() == null) {
            throw new PageNotFound();
        }
        return summary.spec();
    }

    /** A connector may name a side by its system id or by its name; people see the name. */
    static String systemName(ConnectorSpec spec, String system) {
        if (spec == null || system == null) {
            return system;
        }
        return spec.systems().stream().filter(s -> s.id().equals(system) || s.name().equals(system))
                .map(s -> s.name()).findFirst().orElse(system);
    }

    static MutableHttpResponse<?> noStore(MutableHttpResponse<?> response) {
        return response.header("Cache-Control", "no-store");
    }
}
