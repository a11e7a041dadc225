package io.mlconnector.platform.ops;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsFilter;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.resource.StaticResourceResolver;

/**
 * Micronaut's CORS filter, except for the addresses other systems call: webhooks and the Web
 * Connector service. The filter refuses (403) any request that carries an {@code Origin} other than
 * localhost when the server sees its own host as localhost, against drive-by attacks from a browser.
 * Webhook senders send an {@code Origin} too (some name their API there), and a server reached
 * at {@code http://localhost} or through a proxy that forwards to 127.0.0.1 would refuse every one.
 * Those endpoints carry no browser credentials and check each request themselves (signature,
 * Web Connector password and ticket), so the browser rules do not apply to them.
 */
@Replaces(CorsFilter.class)
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class MachineEndpointsCorsFilter extends CorsFilter {

    public MachineEndpointsCorsFilter(HttpServerConfiguration.CorsConfiguration corsConfiguration,
                                      @Nullable StaticResourceResolver staticResourceResolver, @Nullable Router router,
                                      @Nullable HttpHostResolver httpHostResolver) {
        super(corsConfiguration, staticResourceResolver, router, httpHostResolver);
    }

    @Override
    public boolean isEnabled(HttpRequest<?> request) {
        return !calledByOtherSystems(request.getPath()) && super.isEnabled(request);
    }

    static boolean calledByOtherSystems(String path) {
        return path.startsWith("/webhooks/") || path.equals("/qbwc") || path.startsWith("/qbwc/");
    }
}
