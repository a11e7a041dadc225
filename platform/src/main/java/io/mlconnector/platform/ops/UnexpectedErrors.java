package io.mlconnector.platform.ops;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unexpected is logged in full on the server and answered with only a reference: internal
 * messages can carry SQL, URLs or values that must not reach a browser.
 */
@Produces
@Singleton
public class UnexpectedErrors implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        String reference = request.getAttribute(RequestContextFilter.HEADER, String.class).orElse("-");
        LOG.error("Unexpected error on {} {} (reference {})", request.getMethod(), request.getPath(), reference, exception);
        return HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Map.of("message", "Something went wrong on our side. Reference: " + reference));
    }
}
