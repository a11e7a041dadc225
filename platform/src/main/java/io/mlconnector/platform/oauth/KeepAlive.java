package io.mlconnector.platform.oauth;

import io.mlconnector.api.RetryLater;
import io.mlconnector.api.oauth.OAuthGrantType;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionService;
import io.mlconnector.platform.plugins.PluginHost;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes grants nobody used for a while, so a refresh token with a rolling lifetime (QuickBooks
 * Online: about 100 days unused) never lapses on a quiet connection; and forgets old {@code state}s.
 * A refusal here marks the connection "needs reconnect" as any other refusal does.
 */
@Singleton
public class KeepAlive {

    private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);
    static final int BATCH = 200;

    private final OAuthGrants grants;
    private final OAuthStates states;
    private final TokenService tokens;
    private final ConnectionService connections;
    private final PluginHost plugins;
    private final OAuthSettings settings;
    private final Clock clock;

    KeepAlive(OAuthGrants grants, OAuthStates states, TokenService tokens, ConnectionService connections, PluginHost plugins,
              OAuthSettings settings, Clock clock) {
        this.grants = grants;
        this.states = states;
        this.tokens = tokens;
        this.connections = connections;
        this.plugins = plugins;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many grants were refreshed */
    public int run() {
        states.sweep();
        int refreshed = 0;
        for (OAuthGrants.Idle idle : grants.idleSince(clock.instant().minus(settings.keepAliveAfter()), BATCH)) {
            Connection connection = connections.get(idle.tenantId(), idle.connectionId());
            SystemSpec system = plugins.connector(connection.connectorId())
                    .flatMap(c -> c.spec().system(idle.system())).filter(s -> s.oauth() != null).orElse(null);
            if (system == null || system.oauth().grant() != OAuthGrantType.AUTHORIZATION_CODE) {
                continue;
            }
            try {
                tokens.refresh(connection, system, grants.read(idle.tenantId(), idle.connectionId(), idle.system()).accessToken(), true);
                refreshed++;
            } catch (RetryLater e) {
                // Already recorded (needs reconnect, or a retry time on the grant); the next run moves on.
                LOG.info("Keep-alive refresh of connection {} ({}) did not happen: {}", idle.connectionId(), idle.system(),
                        e.getClass().getSimpleName());
            }
        }
        return refreshed;
    }
}
