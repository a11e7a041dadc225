package io.mlconnector.platform.webhooks;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.mlconnector.platform.people.ClientAddress;
import java.util.Map;

/**
 * {@code POST /webhooks/{token}/{source}}: the address each connection gives to the systems that
 * send it events. The token, not a login, identifies the connection; the connector checks the
 * signature. The answer comes only once the events are durably stored.
 */
@Controller("/webhooks")
@Secured(SecurityRule.IS_ANONYMOUS)
public class WebhookIngress {

    private final WebhookReceiver receiver;
    private final DeliveryRateLimit rateLimit;
    private final long maxBodyBytes;

    public WebhookIngress(WebhookReceiver receiver, DeliveryRateLimit rateLimit,
                          @Value("${ml.webhooks.max-body-bytes:2097152}") long maxBodyBytes) {
        this.receiver = receiver;
        this.rateLimit = rateLimit;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Post(value = "/{token}/{source}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> receive(String token, String source, HttpRequest<?> request, @Nullable @Body byte[] body) {
        long declared = request.getContentLength();
        if (declared > maxBodyBytes || (body != null && body.length > maxBodyBytes)) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(Map.of("message", "Webhook bodies are limited to " + maxBodyBytes + " bytes"));
        }
        if (!rateLimit.admit(token, ClientAddress.of(request))) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(rateLimit.retryAfterSeconds()))
                    .body(Map.of("message", "Too many deliveries to this address; try again later"));
        }
        WebhookReceiver.Outcome outcome = receiver.receive(token, source, body == null ? new byte[0] : body,
                request.getHeaders().asMap());
        // Senders document their own codes (498 "token invalid" for a bad signature), beyond the standard set.
        var response = HttpResponse.status(outcome.status(), outcome.status() == 498 ? "Invalid Token" : null);
        return outcome.status() == 204 ? response : response.body(Map.of("message", outcome.message()));
    }
}
