package io.mlconnector.platform.ops;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.mlconnector.platform.tenancy.CurrentTenant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id (taken from {@code X-Request-Id} when it looks sane) and puts it, with
 * the tenant once known, into the logging context of every thread that works on the request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestContextFilter implements Ordered {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @RequestFilter
    public void enter(HttpRequest<?> request, MutablePropagatedContext context) {
        String incoming = request.getHeaders().get(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        Map<String, String> values = new HashMap<>();
        Map<String, String> existing = MDC.getCopyOfContextMap();
        if (existing != null) {
            values.putAll(existing);
        }
        values.put("request_id", id);
        request.getUserPrincipal(Authentication.class)
                .map(a -> a.getAttributes().get(CurrentTenant.TENANT_CLAIM))
                .ifPresent(tenant -> values.put("tenant_id", tenant.toString()));
        request.setAttribute(HEADER, id);
        context.add(new MdcPropagationContext(values));
    }

    @ResponseFilter
    public void leave(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(HEADER, String.class).ifPresent(id -> response.header(HEADER, id));
    }

    @Override
    public int getOrder() {
        // After the security filter, so the tenant of the session is known.
        return ServerFilterPhase.SECURITY.after();
    }
}
