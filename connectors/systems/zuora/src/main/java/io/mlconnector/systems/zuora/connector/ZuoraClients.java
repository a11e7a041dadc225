package io.mlconnector.systems.zuora.connector;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.zuora.ClientCredentialsTokens;
import io.mlconnector.systems.zuora.ZuoraApi;
import io.mlconnector.systems.zuora.ZuoraConnection;
import io.mlconnector.systems.zuora.ZuoraEnvironment;

/**
 * The connection's Zuora client: the environment's base URL (or the platform's override, in tests),
 * the client id and secret exchanged for a bearer token shared by every call on this instance, the
 * entity and the concurrency cap.
 */
public final class ZuoraClients {

    private ZuoraClients() {
    }

    public static ZuoraApi api(ConnectorContext ctx) {
        ZuoraConnection connection = connection(ctx);
        return new ZuoraApi(connection, new ClientCredentialsTokens(connection, ctx.http(), ctx.clock()), ctx.http());
    }

    public static ZuoraConnection connection(ConnectorContext ctx) {
        String baseUrl = ctx.baseUrlOverride(ZuoraFields.SYSTEM).orElseGet(() -> {
            try {
                return ZuoraEnvironment.byId(ctx.settings().get(ZuoraFields.ENVIRONMENT,
                        ZuoraEnvironment.US_PRODUCTION_CLOUD_2.id())).resolve(ctx.settings().get(ZuoraFields.CUSTOM_BASE_URL, ""));
            } catch (IllegalArgumentException e) {
                throw new CannotProcess(e.getMessage());
            }
        });
        return new ZuoraConnection(baseUrl, ctx.credentials().require(ZuoraFields.CLIENT_ID),
                ctx.credentials().require(ZuoraFields.CLIENT_SECRET), ctx.credentials().get(ZuoraFields.ENTITY_IDS).orElse(null),
                Math.max(1, ctx.settings().number(ZuoraFields.MAX_CONCURRENT, ZuoraConnection.DEFAULT_MAX_CONCURRENT)));
    }
}
