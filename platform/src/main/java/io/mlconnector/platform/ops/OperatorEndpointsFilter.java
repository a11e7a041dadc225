package io.mlconnector.platform.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.Map;

/**
 * Health details (database address and version, disk space) and metrics are for the operator: without
 * the operator's token {@code /health} says only UP or DOWN and {@code /prometheus} answers 401.
 * Load balancers and uptime checks keep working without a credential.
 */
@ServerFilter({"/health", "/health/**", "/prometheus"})
public class OperatorEndpointsFilter implements Ordered {

    private final OperatorCredential operator;

    public OperatorEndpointsFilter(OperatorCredential operator) {
        this.operator = operator;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> metricsNeedTheOperator(HttpRequest<?> request) {
        if (request.getPath().equals("/prometheus") && !operator.presentedBy(request)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer realm=\"ml-connector operator\"");
        }
        return null;
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    public void healthDetailsNeedTheOperator(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getPath().startsWith("/health") && !operator.presentedBy(request)) {
            response.getBody(HealthResult.class)
                    .ifPresent(health -> ((MutableHttpResponse<Object>) response).body(Map.of("status", health.getStatus().getName())));
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
