package io.mlconnector.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries shipped in a Maven artifact: the persistent one
 * people run when no database is configured, or a throw-away one for tests on machines without
 * Docker. One of each per JVM; they stop when the JVM exits.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres running;
    private static PersistentEmbeddedPostgres persistent;

    private EmbeddedDatabase() {
    }

    /** Starts (once) the server people run, with its data in {@code dataDirectory}/pgdata. */
    public static synchronized DatabaseLogin startPersistent(Path dataDirectory) {
        if (persistent == null) {
            try {
                persistent = PersistentEmbeddedPostgres.start(dataDirectory);
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopPersistent, "embedded-postgres-stop"));
                LOG.info("Embedded PostgreSQL started with its data in {}", dataDirectory.resolve("pgdata"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
            } catch (IllegalStateException e) {
                if (String.valueOf(e.getMessage()).contains("could not lock")) {
                    throw new IllegalStateException("Another ml-connector is already running on the data in " + dataDirectory
                            + ". Stop it first, or set ML_DATA_DIR to another folder.", e);
                }
                throw e;
            }
        }
        return persistent.credentials();
    }

    private static synchronized void stopPersistent() {
        try {
            persistent.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        }
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
