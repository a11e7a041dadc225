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
        MasterKey masterKey = MasterKey.load();
        builder.properties(Map.of(
                "micronaut.security.token.jwt.signatures.secret.generator.secret",
                Base64.getEncoder().encodeToString(masterKey.derive("session signing")),
                "micronaut.security.csrf.signature-key",
                Base64.getEncoder().encodeToString(masterKey.derive("csrf token signing"))));
    }
}
