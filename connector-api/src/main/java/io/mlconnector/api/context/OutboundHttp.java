package io.mlconnector.api.context;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * HTTP to another system, shared fairly between tenants: a rate limit per system, retries with
 * backoff on 429 and 5xx (honouring Retry-After), and timeouts. A connector that uses an official
 * SDK with its own transport keeps using that SDK; this is for systems without one.
 */
public interface OutboundHttp {

    /**
     * @param system the rate-limit bucket, e.g. {@code quickbooks-online}
     * @throws io.mlconnector.api.RetryLater when the other system still refuses after the retries
     */
    HttpResponse<String> send(String system, HttpRequest request);
}
