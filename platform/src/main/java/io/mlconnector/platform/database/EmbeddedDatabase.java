package io.mlconnector.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries shipped in a Maven artifact, for development and
 * for machines without Docker. One per JVM; it stops when the JVM exits.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres running;

    private EmbeddedDatabase() {
    }

    /** Starts (once) a server whose data survives restarts in {@code directory}. */
    public static synchronized String startPersistent(Path directory) {
        if (running == null) {
            try {
                Files.createDirectories(directory);
                running = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .start();
                LOG.info("Embedded PostgreSQL started with its data in {}", directory);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
            } catch (IllegalStateException e) {
                if (String.valueOf(e.getMessage()).contains("could not lock")) {
                    throw new IllegalStateException("Another ml-connector is already running on the data in " + directory
                            + ". Stop it first, or set ML_DATA_DIR to another folder.", e);
                }
                throw e;
            }
        }
        return jdbcUrl();
    }

    /** Starts (once) a throw-away server, for tests. */
    public static synchronized String startEphemeral() {
        if (running == null) {
            try {
                running = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        return jdbcUrl();
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + running.getPort() + "/postgres";
    }
}
