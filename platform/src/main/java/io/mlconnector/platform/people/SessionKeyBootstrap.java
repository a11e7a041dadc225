package io.mlconnector.platform.people;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.mlconnector.platform.vault.MasterKey;
import java.util.Base64;
import java.util.Map;

/**
 * Sessions (cookies and bearer tokens) are JWTs signed with a key derived from the master key, so
 * all instances of a cluster accept each other's sessions with nothing more to configure.
 */
@ContextConfigurer
public final class SessionKeyBootstrap implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        String key = Base64.getEncoder().encodeToString(MasterKey.load().derive("session signing"));
        builder.properties(Map.of("micronaut.security.token.jwt.signatures.secret.generator.secret", key));
    }
}
