package io.mlconnector.platform.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import io.mlconnector.platform.people.InvalidInput;
import io.mlconnector.platform.people.NotAllowed;
import jakarta.inject.Singleton;
import java.util.Map;

/** How the JSON API answers input a person can fix, and actions a person may not take. */
public final class ApiErrors {

    private ApiErrors() {
    }

    @Serdeable
    public record Problem(String message, Map<String, String> fieldErrors) {
    }

    @Produces
    @Singleton
    @Requires(classes = {InvalidInput.class, ExceptionHandler.class})
    public static class InvalidInputHandler implements ExceptionHandler<InvalidInput, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidInput exception) {
            return HttpResponse.<Problem>status(HttpStatus.BAD_REQUEST)
                    .body(new Problem(exception.getMessage(), exception.fieldErrors()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {NotAllowed.class, ExceptionHandler.class})
    public static class NotAllowedHandler implements ExceptionHandler<NotAllowed, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NotAllowed exception) {
            return HttpResponse.<Problem>status(HttpStatus.FORBIDDEN).body(new Problem(exception.getMessage(), Map.of()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {NotFound.class, ExceptionHandler.class})
    public static class NotFoundHandler implements ExceptionHandler<NotFound, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NotFound exception) {
            return HttpResponse.<Problem>status(HttpStatus.NOT_FOUND).body(new Problem(exception.getMessage(), Map.of()));
        }
    }
}
