package io.mlconnector.web.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

/**
 * A form posted without a valid CSRF token is refused with 403 and a page that says what to do,
 * whether or not the person is signed in. Every other refusal keeps Micronaut Security's answer
 * (e.g. the redirect to the sign-in page when the session has ended).
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class FormRefusals extends DefaultAuthorizationExceptionHandler {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>This form has expired · ml-connector</title><link rel="stylesheet" href="/static/app.css"></head>
            <body><main id="main" class="narrow"><h1>This form has expired</h1>
            <p>For your safety, ml-connector only accepts forms it has just shown you. Nothing was changed.</p>
            <p>Go back, reload the page and send the form again.</p>
            <p><a class="button" href="/app">Go to your connections</a></p></main></body></html>
            """;

    private final CsrfTokenValidator<HttpRequest<?>> validator;

    public FormRefusals(ErrorResponseProcessor<?> errorResponseProcessor, RedirectConfiguration redirectConfiguration,
                        RedirectService redirectService, @Nullable PriorToLoginPersistence priorToLoginPersistence,
                        CsrfTokenValidator<HttpRequest<?>> validator) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, priorToLoginPersistence);
        this.validator = validator;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (FormFields.isForm(request) && !FormFields.token(request).map(t -> validator.validateCsrfToken(request, t)).orElse(false)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE).body(PAGE);
        }
        return super.handle(request, exception);
    }
}
