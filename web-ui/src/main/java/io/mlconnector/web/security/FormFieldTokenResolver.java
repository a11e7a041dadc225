package io.mlconnector.web.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.csrf.resolver.CsrfTokenResolver;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Gives the CSRF filter the form's token as {@link FormFields} read it, without touching the body again. */
@Singleton
public class FormFieldTokenResolver implements CsrfTokenResolver<HttpRequest<?>> {

    @Override
    public Optional<String> resolveToken(HttpRequest<?> request) {
        return FormFields.token(request);
    }
}
