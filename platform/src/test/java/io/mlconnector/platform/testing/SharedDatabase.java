package io.mlconnector.platform.testing;

import io.mlconnector.platform.database.EmbeddedDatabase;
import io.mlconnector.platform.vault.MasterKeyForTests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * One real PostgreSQL for the whole test run: a Testcontainers container when a Docker engine is
 * available, otherwise the embedded server from Maven. Every application context started by the
 * tests points at it through the same settings the server reads in production.
 */
public final class SharedDatabase implements LauncherSessionListener {

    private static PostgreSQLContainer<?> container;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("ml.database.url") != null) {
            return;
        }
        if (dockerAvailable()) {
            container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            System.setProperty("ml.database.url", container.getJdbcUrl());
            System.setProperty("ml.database.user", container.getUsername());
            System.setProperty("ml.database.password", container.getPassword());
        } else {
            System.setProperty("ml.database.url", EmbeddedDatabase.startEphemeral());
            System.setProperty("ml.database.user", "postgres");
            System.setProperty("ml.database.password", "");
        }
        try {
            System.setProperty("ml.data.dir", Files.createTempDirectory("ml-connector-test").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("ml.master-key", MasterKeyForTests.fresh());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (container != null) {
            container.stop();
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
