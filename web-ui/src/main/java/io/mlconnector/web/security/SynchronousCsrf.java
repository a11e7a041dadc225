package io.mlconnector.web.security;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import java.util.Map;

/**
 * Switches off Micronaut Security's body-reading CSRF resolver: the form field is resolved by
 * {@link FormFieldTokenResolver} instead, so the CSRF filter always takes its synchronous path.
 */
@ContextConfigurer
public final class SynchronousCsrf implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.properties(Map.of("micronaut.security.csrf.token-resolvers.field.enabled", false));
    }
}
