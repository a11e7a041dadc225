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
        DatabaseLogin database = settings.url()
                .map(url -> new DatabaseLogin(url, settings.user(), settings.password()))
                .orElseGet(() -> EmbeddedDatabase.startPersistent(settings.dataDirectory()));
        builder.properties(Map.of(
                "datasources.default.url", database.url(),
                "datasources.default.username", database.user(),
                "datasources.default.password", database.password()));
    }
}
