package io.mlconnector.platform.oauth;

import io.micronaut.context.BeanProvider;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.oauth.AccessToken;
import io.mlconnector.api.oauth.OAuthCredential;
import io.mlconnector.api.oauth.OAuthGrantType;
import io.mlconnector.api.oauth.OAuthTokens;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ReconnectTracker;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps each connection's access tokens current. A token is refreshed ahead of its expiry, under the
 * connection's {@code oauth_links} row lock, so however many instances ask at once, one exchange
 * happens and the others wait for it and use its result. A rotated refresh token is committed with
 * the new access token before either is handed out. A refusal ({@code invalid_grant}) marks the
 * connection "needs reconnect"; an unreachable provider is retried with backoff while a still-valid
 * token keeps being used.
 */
@Singleton
public class TokenService {

    /** The least life a handed-out token has left. */
    static final Duration MINIMUM_LIFE = Duration.ofMinutes(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofMinutes(30);
    /** When the provider gives no {@code expires_in}: short, so a token is never trusted for long. */
    private static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(30);

    private final TenantTransactions transactions;
    private final OAuthGrants grants;
    private final TokenEndpoint endpoint;
    private final OAuthSettings settings;
    private final AuditLog audit;
    private final BeanProvider<ReconnectTracker> reconnects;
    private final Clock clock;

    TokenService(TenantTransactions transactions, OAuthGrants grants, TokenEndpoint endpoint, OAuthSettings settings, AuditLog audit,
                 BeanProvider<ReconnectTracker> reconnects, Clock clock) {
        this.transactions = transactions;
        this.grants = grants;
        this.endpoint = endpoint;
        this.settings = settings;
        this.audit = audit;
        this.reconnects = reconnects;
        this.clock = clock;
    }

    /** The {@code context.oauth()} of one connection. */
    public OAuthTokens forConnection(Connection connection, ConnectorSpec spec) {
        return new OAuthTokens() {
            @Override
            public AccessToken current(String system) {
                return TokenService.this.current(connection, oauthSystem(spec, system));
            }

            @Override
            public AccessToken renewed(String system, AccessToken rejected) {
                return TokenService.this.renewed(connection, oauthSystem(spec, system), rejected);
            }
        };
    }

    public AccessToken current(Connection connection, SystemSpec system) {
        StoredGrant grant = grants.read(connection.tenantId(), connection.id(), system.id());
        if (!grant.connected()) {
            throw notConnected(system);
        }
        if (grant.accessToken() != null && grant.accessExpiresAt() != null
                && grant.accessExpiresAt().isAfter(clock.instant().plus(settings.refreshAhead()))) {
            return token(system, grant);
        }
        return refresh(connection, system, grant.accessToken(), false);
    }

    public AccessToken renewed(Connection connection, SystemSpec system, AccessToken rejected) {
        return refresh(connection, system, rejected == null ? null : rejected.value(), true);
    }

    /**
     * Refreshes now if the stored token is still {@code stale} (or nearly expired), waiting on the row
     * lock for any refresh already running elsewhere. {@code force}: the system refused {@code stale}
     * (a 401), so its clock is not trusted.
     */
    AccessToken refresh(Connection connection, SystemSpec system, String stale, boolean force) {
        OAuthCredential credential = system.oauth();
        UUID tenant = connection.tenantId();
        Outcome outcome = transactions.write(tenant, () -> {
            Instant now = clock.instant();
            Optional<OAuthGrants.Link> link = grants.lock(connection.id(), system.id());
            if (link.isEmpty()) {
                return Outcome.notConnectedYet();
            }
            StoredGrant grant = grants.read(tenant, connection.id(), system.id());
            boolean replaced = grant.accessToken() != null && !grant.accessToken().equals(stale);
            if ((!force || replaced) && lastsFor(grant, now, settings.refreshAhead())
                    || replaced && lastsFor(grant, now, MINIMUM_LIFE)) {
                return Outcome.of(token(system, grant));
            }
            // A token the system just refused is no fallback, however long its clock says it lasts.
            StoredGrant fallback = force && !replaced ? null : grant;
            Instant retryAt = link.get().retryAt();
            if (retryAt != null && retryAt.isAfter(now)) {
                return Outcome.unavailable(fallback, Duration.between(now, retryAt));
            }
            ClientApp app = app(credential, grant);
            if (app == null) {
                return Outcome.refused("no_client");
            }
            try {
                TokenAnswer answer;
                if (credential.grant() == OAuthGrantType.CLIENT_CREDENTIALS) {
                    answer = endpoint.clientCredentials(credential, grant.baseUrl(), app);
                } else if (grant.refreshToken() == null) {
                    return Outcome.refused("no_refresh_token");
                } else {
                    answer = endpoint.refresh(credential, grant.baseUrl(), app, grant.refreshToken());
                }
                Instant expiresAt = expiry(answer, now);
                grants.refreshed(tenant, connection.id(), system.id(), answer, expiresAt, now);
                audit.insert(AuditEntry.of(tenant, "oauth.token.refreshed", "ok").connection(connection.id())
                        .message(system.name() + ": token refreshed, valid until " + expiresAt));
                return Outcome.of(new AccessToken(system.id(), answer.accessToken(), expiresAt, grant.baseUrl(), grant.values()));
            } catch (TokenRefused e) {
                audit.insert(AuditEntry.of(tenant, "oauth.refresh.refused", "failed").connection(connection.id())
                        .message(system.name() + ": refresh refused (" + e.error() + "): needs reconnect"));
                return Outcome.refused(e.error());
            } catch (ProviderUnavailable e) {
                Duration wait = backoff(link.get().refreshFailures() + 1);
                grants.failed(connection.id(), system.id(), now.plus(wait));
                audit.insert(AuditEntry.of(tenant, "oauth.refresh.unavailable", "retry").connection(connection.id())
                        .message(system.name() + ": " + e.getMessage() + "; trying again in " + wait.toSeconds() + " s"));
                return Outcome.unavailable(fallback, wait);
            }
        });
        return resolve(outcome, connection, system);
    }

    private AccessToken resolve(Outcome outcome, Connection connection, SystemSpec system) {
        if (outcome.token() != null) {
            return outcome.token();
        }
        if (outcome.missing()) {
            throw notConnected(system);
        }
        if (outcome.refusal() != null) {
            CredentialsRejected rejected = new CredentialsRejected(system.id(), system.name() + " refused the connection's authorisation ("
                    + RefusalWords.of(outcome.refusal()) + "). Press Reconnect on the connection's page.");
            reconnects.get().rejected(connection, rejected);
            throw rejected;
        }
        StoredGrant fallback = outcome.fallback();
        if (fallback != null && lastsFor(fallback, clock.instant(), MINIMUM_LIFE)) {
            return token(system, fallback);
        }
        throw new RetryLater(system.name() + " could not be reached to renew the connection's access; trying again in "
                + outcome.retryIn().toSeconds() + " s", outcome.retryIn());
    }

    private static boolean lastsFor(StoredGrant grant, Instant now, Duration margin) {
        return grant.accessToken() != null && grant.accessExpiresAt() != null && grant.accessExpiresAt().isAfter(now.plus(margin));
    }

    /** The app the grant was made with: the tenant's own when stored, else the operator's. */
    ClientApp app(OAuthCredential credential, StoredGrant grant) {
        if (grant.tenantApp() != null) {
            return grant.tenantApp();
        }
        return credential.clientOwner() == io.mlconnector.api.oauth.OAuthClientOwner.TENANT ? null
                : settings.operatorApp(credential).orElse(null);
    }

    Instant expiry(TokenAnswer answer, Instant now) {
        return answer.expiresIn() == null || answer.expiresIn() <= 0 ? now.plus(UNKNOWN_LIFETIME) : now.plusSeconds(answer.expiresIn());
    }

    static Duration backoff(int failures) {
        long seconds = FIRST_RETRY.toSeconds() << Math.min(failures - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, LAST_RETRY.toSeconds()));
    }

    private static AccessToken token(SystemSpec system, StoredGrant grant) {
        return new AccessToken(system.id(), grant.accessToken(), grant.accessExpiresAt(), grant.baseUrl(), grant.values());
    }

    static SystemSpec oauthSystem(ConnectorSpec spec, String system) {
        return spec.system(system).filter(s -> s.oauth() != null).orElseThrow(() -> new IllegalArgumentException(
                "The connector declares no OAuth credential for the system '" + system + "'"));
    }

    private static CredentialsRejected notConnected(SystemSpec system) {
        return new CredentialsRejected(system.id(), system.name() + " is not connected: press Connect to " + system.name()
                + " on the connection's page");
    }

    /** What a refresh attempt came to, acted on once its transaction has committed. */
    private record Outcome(AccessToken token, String refusal, StoredGrant fallback, Duration retryIn, boolean missing) {

        static Outcome of(AccessToken token) {
            return new Outcome(token, null, null, null, false);
        }

        static Outcome refused(String error) {
            return new Outcome(null, error, null, null, false);
        }

        static Outcome unavailable(StoredGrant grant, Duration wait) {
            return new Outcome(null, null, grant, wait, false);
        }

        static Outcome notConnectedYet() {
            return new Outcome(null, null, null, null, true);
        }
    }
}
