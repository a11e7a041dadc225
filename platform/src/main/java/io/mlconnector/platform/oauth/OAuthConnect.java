package io.mlconnector.platform.oauth;

import io.mlconnector.api.oauth.Connected;
import io.mlconnector.api.oauth.OAuthClientOwner;
import io.mlconnector.api.oauth.OAuthCredential;
import io.mlconnector.api.oauth.OAuthEnvironment;
import io.mlconnector.api.oauth.OAuthGrantType;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionService;
import io.mlconnector.platform.connections.ReconnectTracker;
import io.mlconnector.platform.people.InvalidInput;
import io.mlconnector.platform.people.PublicUrls;
import io.mlconnector.platform.plugins.PluginCalls;
import io.mlconnector.platform.plugins.PluginHost;
import io.mlconnector.platform.runtime.ContextFactory;
import io.mlconnector.platform.vault.SecretMask;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * "Connect to …", the callback, Reconnect and Disconnect for systems whose connector declares an
 * OAuth credential. Every failure stores nothing and ends in an {@link OAuthOutcome} the page words.
 */
@Singleton
public class OAuthConnect {

    /** The one callback every provider redirects to; register {@code <public URL>/oauth/callback} with each app. */
    public static final String CALLBACK_PATH = "/oauth/callback";

    /** What the connection page shows of one OAuth system. Never a token or a secret. */
    public record SystemState(String system, String systemName, boolean clientCredentials, boolean connected, String companyName,
                              Instant connectedAt, boolean asksForApp, String clientId, String clientSecretShown,
                              List<OAuthEnvironment> environments, boolean customEnvironment, String baseUrl) {

        public boolean needsEnvironment() {
            return !environments.isEmpty() || customEnvironment;
        }
    }

    /** What a person typed into the connect form; blank fields keep what is stored. */
    public record AppInput(String clientId, String clientSecret, String environment, String customBaseUrl) {

        public static AppInput none() {
            return new AppInput(null, null, null, null);
        }

        @Override
        public String toString() {
            return "AppInput[clientId=" + clientId + ", environment=" + environment + "]";
        }
    }

    /** Where a flow ended: the connection (null when the answer could not be tied to one of the person's) and how. */
    public record Result(UUID connectionId, String system, OAuthOutcome outcome) {
    }

    private final ConnectionService connections;
    private final PluginHost plugins;
    private final PluginCalls calls;
    private final ContextFactory contexts;
    private final OAuthStates states;
    private final OAuthGrants grants;
    private final TokenEndpoint endpoint;
    private final TokenService tokens;
    private final OAuthSettings settings;
    private final PublicUrls urls;
    private final AuditLog audit;
    private final ReconnectTracker reconnects;
    private final Clock clock;

    OAuthConnect(ConnectionService connections, PluginHost plugins, PluginCalls calls, ContextFactory contexts, OAuthStates states,
                 OAuthGrants grants, TokenEndpoint endpoint, TokenService tokens, OAuthSettings settings, PublicUrls urls, AuditLog audit,
                 ReconnectTracker reconnects, Clock clock) {
        this.connections = connections;
        this.plugins = plugins;
        this.calls = calls;
        this.contexts = contexts;
        this.states = states;
        this.grants = grants;
        this.endpoint = endpoint;
        this.tokens = tokens;
        this.settings = settings;
        this.urls = urls;
        this.audit = audit;
        this.reconnects = reconnects;
        this.clock = clock;
    }

    /** The OAuth systems of a connection, as its page shows them. */
    public List<SystemState> states(UUID tenantId, UUID connectionId) {
        Connection connection = connections.get(tenantId, connectionId);
        ConnectorSpec spec = plugins.connector(connection.connectorId()).map(PluginHost.LoadedConnector::spec).orElse(null);
        if (spec == null) {
            return List.of();
        }
        return spec.oauthSystems().stream().map(system -> {
            StoredGrant grant = grants.read(tenantId, connectionId, system.id());
            OAuthGrants.Link link = grants.link(tenantId, connectionId, system.id()).orElse(null);
            OAuthCredential credential = system.oauth();
            return new SystemState(system.id(), system.name(), credential.grant() == OAuthGrantType.CLIENT_CREDENTIALS,
                    link != null && grant.connected(), link == null ? null : link.companyName(), link == null ? null : link.connectedAt(),
                    asksForApp(credential), grant.tenantApp() == null ? "" : grant.tenantApp().clientId(),
                    grant.tenantApp() == null ? "" : SecretMask.of(grant.tenantApp().clientSecret()),
                    credential.environments(), credential.customEnvironment(), grant.baseUrl());
        }).toList();
    }

    /**
     * Starts "Connect to …" for a person: saves the tenant's app if typed, then answers the provider's
     * authorize URL to send the browser to.
     *
     * @throws InvalidInput when the app or environment is missing or malformed
     */
    public URI start(UUID tenantId, UUID connectionId, UUID personId, String systemId, AppInput input) {
        Connection connection = connections.get(tenantId, connectionId);
        SystemSpec system = system(connection, systemId);
        OAuthCredential credential = system.oauth();
        if (credential.grant() != OAuthGrantType.AUTHORIZATION_CODE) {
            throw InvalidInput.of("system", system.name() + " connects with a client id and secret, not by signing in.");
        }
        String baseUrl = chosenBaseUrl(credential, input, grants.read(tenantId, connectionId, systemId).baseUrl());
        ClientApp typed = typedApp(credential, input, grants.read(tenantId, connectionId, systemId));
        if (typed != null || baseUrl != null) {
            grants.saveApp(tenantId, connectionId, systemId, typed == null ? null : typed.clientId(),
                    typed == null ? null : typed.clientSecret(), baseUrl);
        }
        StoredGrant stored = grants.read(tenantId, connectionId, systemId);
        ClientApp app = tokens.app(credential, stored);
        if (app == null) {
            throw InvalidInput.of("client_id", "Enter the client id and secret of your " + system.name() + " app first.");
        }
        OAuthStates.Issued issued = states.issue(tenantId, connectionId, personId, systemId, credential.pkce());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", app.clientId());
        query.put("redirect_uri", redirectUri());
        if (!credential.scopes().isEmpty()) {
            query.put("scope", String.join(" ", credential.scopes()));
        }
        query.put("state", issued.state());
        if (issued.verifier() != null) {
            query.put("code_challenge", OAuthStates.challenge(issued.verifier()));
            query.put("code_challenge_method", "S256");
        }
        credential.authorizeParameters().forEach(query::putIfAbsent);
        String authorize = settings.endpoint(credential, credential.authorizeUrl(), stored.baseUrl());
        audit.append(AuditEntry.of(tenantId, "oauth.connect.started", "ok").connection(connectionId)
                .message("Sent to " + system.name() + " to allow access"));
        return URI.create(authorize + (authorize.contains("?") ? "&" : "?") + encode(query));
    }

    /** The provider's redirect back, for the signed-in person who started it. */
    public Result callback(Map<String, String> query, UUID tenantId, UUID personId) {
        OAuthStates.Outcome spent = states.spend(query.get("state"), tenantId, personId);
        if (spent instanceof OAuthStates.Refused refused) {
            OAuthOutcome outcome = switch (refused.reason()) {
                case UNKNOWN -> OAuthOutcome.STATE_UNKNOWN;
                case USED -> OAuthOutcome.STATE_USED;
                case EXPIRED -> OAuthOutcome.STATE_EXPIRED;
                case OTHER_TENANT -> OAuthOutcome.STATE_OTHER;
            };
            if (refused.connectionId() != null) {
                audit.append(AuditEntry.of(tenantId, "oauth.connect.failed", "failed").connection(refused.connectionId())
                        .message("Sign-in answer refused: " + outcome.code()));
            }
            return new Result(refused.connectionId(), null, outcome);
        }
        OAuthStates.Valid valid = (OAuthStates.Valid) spent;
        Connection connection = connections.get(tenantId, valid.connectionId());
        SystemSpec system = system(connection, valid.system());
        String error = query.get("error");
        String code = query.get("code");
        if (error != null || code == null || code.isEmpty()) {
            OAuthOutcome outcome = "access_denied".equals(error) ? OAuthOutcome.DENIED : OAuthOutcome.PROVIDER_ERROR;
            return failed(connection, system, outcome, error == null ? "no code" : error);
        }
        OAuthCredential credential = system.oauth();
        StoredGrant stored = grants.read(tenantId, connection.id(), system.id());
        ClientApp app = tokens.app(credential, stored);
        if (app == null) {
            return failed(connection, system, OAuthOutcome.EXCHANGE_REFUSED, "no client id and secret");
        }
        TokenAnswer answer;
        try {
            answer = endpoint.exchangeCode(credential, stored.baseUrl(), app, code, redirectUri(), valid.verifier());
        } catch (TokenRefused e) {
            return failed(connection, system, OAuthOutcome.EXCHANGE_REFUSED, e.error());
        } catch (ProviderUnavailable e) {
            return failed(connection, system, OAuthOutcome.UNREACHABLE, e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : credential.returnedValues()) {
            String value = query.containsKey(name) ? query.get(name) : answer.fields().get(name);
            if (value != null && !value.isEmpty()) {
                values.put(name, value);
            }
        }
        return connected(connection, system, answer, values);
    }

    /** Client credentials: exchanges the tenant's id and secret at once; they are saved only if accepted. */
    public Result connectWithClient(UUID tenantId, UUID connectionId, String systemId, AppInput input) {
        Connection connection = connections.get(tenantId, connectionId);
        SystemSpec system = system(connection, systemId);
        OAuthCredential credential = system.oauth();
        if (credential.grant() != OAuthGrantType.CLIENT_CREDENTIALS) {
            throw InvalidInput.of("system", "Connect to " + system.name() + " by signing in there.");
        }
        StoredGrant stored = grants.read(tenantId, connectionId, systemId);
        String baseUrl = chosenBaseUrl(credential, input, stored.baseUrl());
        if (credential.needsEnvironment() && baseUrl == null) {
            throw InvalidInput.of("environment", "Choose where your " + system.name() + " tenant lives.");
        }
        ClientApp typed = typedApp(credential, input, stored);
        ClientApp app = typed != null ? typed : stored.tenantApp();
        if (app == null) {
            throw InvalidInput.of("client_id", "Enter the client id and secret from " + system.name() + ".");
        }
        TokenAnswer answer;
        try {
            answer = endpoint.clientCredentials(credential, baseUrl, app);
        } catch (TokenRefused e) {
            return failed(connection, system, OAuthOutcome.EXCHANGE_REFUSED, e.error());
        } catch (ProviderUnavailable e) {
            return failed(connection, system, OAuthOutcome.UNREACHABLE, e.getMessage());
        }
        grants.saveApp(tenantId, connectionId, systemId, app.clientId(), app.clientSecret(), baseUrl);
        return connected(connection, system, answer, Map.of());
    }

    /** Revokes where the provider can, then forgets the tokens whatever it answered. */
    public Result disconnect(UUID tenantId, UUID connectionId, String systemId) {
        Connection connection = connections.get(tenantId, connectionId);
        SystemSpec system = system(connection, systemId);
        OAuthCredential credential = system.oauth();
        StoredGrant stored = grants.read(tenantId, connectionId, systemId);
        boolean revoked = credential.revokeUrl() == null;
        ClientApp app = tokens.app(credential, stored);
        String token = stored.refreshToken() != null ? stored.refreshToken() : stored.accessToken();
        if (!revoked && token != null && app != null) {
            try {
                endpoint.revoke(credential, stored.baseUrl(), app, token, stored.refreshToken() != null ? "refresh_token" : "access_token");
                revoked = true;
            } catch (TokenRefused | ProviderUnavailable e) {
                revoked = false;
            }
        } else if (token == null) {
            revoked = true;
        }
        grants.forget(tenantId, connectionId, systemId);
        audit.append(AuditEntry.of(tenantId, "oauth.disconnected", "ok").connection(connectionId)
                .message(system.name() + ": disconnected" + (revoked ? "" : "; the provider could not be told to revoke access")));
        return new Result(connectionId, systemId, revoked ? OAuthOutcome.DISCONNECTED : OAuthOutcome.DISCONNECTED_NOT_REVOKED);
    }

    private Result connected(Connection connection, SystemSpec system, TokenAnswer answer, Map<String, String> values) {
        Instant now = clock.instant();
        grants.connect(connection.tenantId(), connection.id(), system.id(), answer, tokens.expiry(answer, now), values, now);
        audit.append(AuditEntry.of(connection.tenantId(), "oauth.connected", "ok").connection(connection.id())
                .message(system.name() + ": connected"));
        describe(connection, system);
        reconnects.accepted(connections.get(connection.tenantId(), connection.id()));
        return new Result(connection.id(), system.id(), OAuthOutcome.CONNECTED);
    }

    /** Asks the connector who was connected; the connection stands whatever it answers. */
    private void describe(Connection connection, SystemSpec system) {
        plugins.connector(connection.connectorId()).ifPresent(loaded -> {
            try {
                Connected found = calls.call(connection.connectorId(), "onConnected", Duration.ofSeconds(30),
                        () -> loaded.connector().onConnected(system.id(), contexts.create(connection, null)));
                grants.describe(connection.tenantId(), connection.id(), system.id(), found.companyName(), found.values());
            } catch (RuntimeException e) {
                audit.append(AuditEntry.of(connection.tenantId(), "oauth.describe.failed", "problem").connection(connection.id())
                        .message(system.name() + ": connected, but the company's name could not be read"));
            }
        });
    }

    private Result failed(Connection connection, SystemSpec system, OAuthOutcome outcome, String detail) {
        String safe = detail == null ? "" : detail.replaceAll("[^A-Za-z0-9 _().,:-]", "");
        audit.append(AuditEntry.of(connection.tenantId(), "oauth.connect.failed", "failed").connection(connection.id())
                .message(system.name() + ": " + outcome.code() + (safe.isEmpty() ? "" : " (" + safe + ")")));
        return new Result(connection.id(), system.id(), outcome);
    }

    private boolean asksForApp(OAuthCredential credential) {
        return credential.clientOwner() == OAuthClientOwner.TENANT || settings.operatorApp(credential).isEmpty();
    }

    private ClientApp typedApp(OAuthCredential credential, AppInput input, StoredGrant stored) {
        if (!asksForApp(credential)) {
            return null;
        }
        String id = blankToNull(input.clientId());
        String secret = blankToNull(input.clientSecret());
        if (id == null && secret == null) {
            return null;
        }
        if (id == null && stored.tenantApp() != null) {
            id = stored.tenantApp().clientId();
        }
        if (secret == null && stored.tenantApp() != null) {
            secret = stored.tenantApp().clientSecret();
        }
        if (id == null || secret == null) {
            throw InvalidInput.of(id == null ? "client_id" : "client_secret", "Enter both the client id and the client secret.");
        }
        if (id.length() > 500 || secret.length() > 500 || id.chars().anyMatch(Character::isWhitespace)) {
            throw InvalidInput.of("client_id", "That client id or secret does not look right: copy it again from the app's page.");
        }
        return new ClientApp(id, secret);
    }

    private static String chosenBaseUrl(OAuthCredential credential, AppInput input, String stored) {
        if (!credential.needsEnvironment()) {
            return null;
        }
        String custom = blankToNull(input.customBaseUrl());
        String environment = blankToNull(input.environment());
        if (custom != null && (environment == null || "custom".equals(environment))) {
            if (!credential.customEnvironment()) {
                throw InvalidInput.of("environment", "Choose one of the listed environments.");
            }
            if (!custom.matches("https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?")) {
                throw InvalidInput.of("base_url", "Enter the address as https://host, for example https://api.example.com.");
            }
            return custom.endsWith("/") ? custom.substring(0, custom.length() - 1) : custom;
        }
        if (environment != null) {
            return credential.environment(environment).map(OAuthEnvironment::baseUrl)
                    .orElseThrow(() -> InvalidInput.of("environment", "Choose one of the listed environments."));
        }
        return stored;
    }

    private SystemSpec system(Connection connection, String systemId) {
        ConnectorSpec spec = plugins.connector(connection.connectorId()).map(PluginHost.LoadedConnector::spec)
                .orElseThrow(() -> InvalidInput.of("connectorId", "The connector of this connection is not installed."));
        return spec.system(systemId).filter(s -> s.oauth() != null)
                .orElseThrow(() -> InvalidInput.of("system", "This connection has no system to connect called '" + systemId + "'."));
    }

    private String redirectUri() {
        return urls.of(CALLBACK_PATH);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
