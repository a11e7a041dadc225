package io.mlconnector.platform.ops;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;

/**
 * Refuses requests that are too big with an answer the client can read: 413 for a body longer than
 * {@code ml.http.max-body-bytes} (decided from its declared length, before it is read; the server
 * reads and drops the rest so the client is not reset mid-upload) and 414 for an address longer
 * than {@code ml.http.max-uri-length}. Netty's own limits sit above these, as a last resort.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLimits implements Ordered {

    private final long maxBodyBytes;
    private final int maxUriLength;

    public RequestLimits(@Value("${ml.http.max-body-bytes:10485760}") long maxBodyBytes,
                         @Value("${ml.http.max-uri-length:8192}") int maxUriLength) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxUriLength = maxUriLength;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (request.getUri().toString().length() > maxUriLength) {
            return HttpResponse.status(HttpStatus.REQUEST_URI_TOO_LONG)
                    .body(Map.of("message", "The address is longer than " + maxUriLength + " characters"));
        }
        if (request.getContentLength() > maxBodyBytes) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .header("Connection", "close")
                    .body(Map.of("message", "Requests are limited to " + maxBodyBytes + " bytes"));
        }
        return null;
    }

    @Override
    public int getOrder() {
        // Before anything looks at the request, sign-in included.
        return ServerFilterPhase.FIRST.before();
    }
}
