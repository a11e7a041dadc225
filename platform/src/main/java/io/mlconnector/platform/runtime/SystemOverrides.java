package io.mlconnector.platform.runtime;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Base URLs that replace a system's real address, from {@code ml.systems.<system>.base-url}. Used to
 * point connectors at loopback fakes in tests and demos; unset in production.
 */
@Singleton
public class SystemOverrides {

    private final Environment environment;

    public SystemOverrides(Environment environment) {
        this.environment = environment;
    }

    public Optional<String> baseUrl(String system) {
        return environment.getProperty("ml.systems." + system + ".base-url", String.class).filter(s -> !s.isBlank());
    }
}
