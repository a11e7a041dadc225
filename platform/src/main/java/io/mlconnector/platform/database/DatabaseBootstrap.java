package io.mlconnector.platform.database;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import java.util.Map;

/**
 * Points the default data source at the configured PostgreSQL, or starts the embedded one when none
 * is configured. Runs before the context starts, for the server and for tests alike.
 */
@ContextConfigurer
public final class DatabaseBootstrap implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        String url = settings.url().orElseGet(() -> EmbeddedDatabase.startPersistent(settings.dataDirectory().resolve("pgdata")));
        builder.properties(Map.of(
                "datasources.default.url", url,
                "datasources.default.username", settings.user(),
                "datasources.default.password", settings.password()));
    }
}
