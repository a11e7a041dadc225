package io.mlconnector.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL people run: its data in {@code <data dir>/pgdata}, a generated password in
 * {@code <data dir>/database.password} (owner-only, like {@code master.key}) and no password-less
 * access, and the durability settings of a real server: a power cut must not lose a webhook that
 * was already answered 2xx, because its sender will not send it again.
 */
public final class PersistentEmbeddedPostgres implements Closeable {

    static final String PASSWORD_FILE = "database.password";

    private final EmbeddedPostgres server;
    private final DatabaseLogin credentials;

    private PersistentEmbeddedPostgres(EmbeddedPostgres server, DatabaseLogin credentials) {
        this.server = server;
        this.credentials = credentials;
    }

    /** Starts the server on {@code dataDirectory}; a data directory from an earlier version is secured first. */
    public static PersistentEmbeddedPostgres start(Path dataDirectory) throws IOException {
        Path pgdata = dataDirectory.resolve("pgdata");
        Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
        Path workingDirectory = PostgresBinaries.workingDirectory();
        Files.createDirectories(pgdata);
        Files.createDirectories(workingDirectory);
        LocalAuthentication authentication = new LocalAuthentication(pgdata, passwordFile,
                () -> PostgresBinaries.forDataDirectory(workingDirectory, pgdata));
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(pgdata)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workingDirectory.toFile())
                // The library starts every server with -F (no fsync) and synchronous_commit=off,
                // good for throw-away test databases only; these come later on the command line and win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // The library signs in to see that the server is up.
                .setConnectConfig("password", authentication.password())
                .setDataDirectoryCustomizer(directory -> authentication.secure())
                .start();
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
        return new PersistentEmbeddedPostgres(server, new DatabaseLogin(url, LocalAuthentication.USER, authentication.password()));
    }

    public DatabaseLogin credentials() {
        return credentials;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
