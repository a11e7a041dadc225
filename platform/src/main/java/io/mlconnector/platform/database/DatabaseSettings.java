package io.mlconnector.platform.database;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the database is, read from the environment before the application context exists, because
 * the data source must be configured before any bean is created. {@code ML_DATABASE_URL} (or the
 * system property {@code ml.database.url}) points at a PostgreSQL server; without it an embedded
 * PostgreSQL keeps its data under {@code ML_DATA_DIR} (default {@code .ml-connector}).
 */
public record DatabaseSettings(Optional<String> url, String user, String password, Path dataDirectory) {

    public static DatabaseSettings fromEnvironment() {
        return new DatabaseSettings(
                setting("ml.database.url", "ML_DATABASE_URL").filter(s -> !s.isBlank()),
                setting("ml.database.user", "ML_DATABASE_USER").orElse("postgres"),
                setting("ml.database.password", "ML_DATABASE_PASSWORD").orElse(""),
                defaultDataDirectory());
    }

    public static Path defaultDataDirectory() {
        return Path.of(setting("ml.data.dir", "ML_DATA_DIR").orElse(".ml-connector")).toAbsolutePath();
    }

    static Optional<String> setting(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(environmentVariable);
        }
        return Optional.ofNullable(value);
    }
}
