package io.mlconnector.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL people run: nobody gets in without the generated password, and it is durable. */
class PersistentEmbeddedPostgresTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aNewDataDirectoryAdmitsOnlyTheGeneratedPasswordKeptBesideTheMasterKey() throws Exception {
        try (PersistentEmbeddedPostgres server = PersistentEmbeddedPostgres.start(dataDirectory)) {
            DatabaseLogin login = server.credentials();
            Path passwordFile = dataDirectory.resolve("database.password");

            assertEquals(login.password(), Files.readString(passwordFile).trim());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
            assertNoTrustLines();
            assertThrows(SQLException.class, () -> connect(login.url(), null).close());
            assertThrows(SQLException.class, () -> connect(login.url(), "not-" + login.password()).close());
            try (Connection connection = connect(login.url(), login.password())) {
                assertEquals("1", single(connection, "SELECT 1"));
            }
        }
    }

    @Test
    void aDataDirectoryThatTrustedLocalUsersIsClosedOnStartAndKeepsItsData() throws Exception {
        Path pgdata = dataDirectory.resolve("pgdata");
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(pgdata).setCleanDataDirectory(false).start();
                Connection connection = earlier.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note text)");
            statement.execute("INSERT INTO kept VALUES ('written before the upgrade')");
        }
        assertTrue(Files.readAllLines(pgdata.resolve("pg_hba.conf")).stream().anyMatch(line -> line.trim().endsWith("trust")),
                "an earlier version's data directory trusts local users");

        try (PersistentEmbeddedPostgres server = PersistentEmbeddedPostgres.start(dataDirectory)) {
            DatabaseLogin login = server.credentials();
            assertNoTrustLines();
            assertThrows(SQLException.class, () -> connect(login.url(), null).close());
            try (Connection connection = connect(login.url(), login.password())) {
                assertEquals("written before the upgrade", single(connection, "SELECT note FROM kept"));
            }
        }
        try (PersistentEmbeddedPostgres again = PersistentEmbeddedPostgres.start(dataDirectory);
                Connection connection = connect(again.credentials().url(), again.credentials().password())) {
            assertEquals("1", single(connection, "SELECT 1"));
        }
    }

    @Test
    void theServerPeopleRunKeepsFsyncSynchronousCommitAndFullPageWritesOn() throws Exception {
        try (PersistentEmbeddedPostgres server = PersistentEmbeddedPostgres.start(dataDirectory);
                Connection connection = connect(server.credentials().url(), server.credentials().password())) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertEquals("on", single(connection, "SHOW " + setting), setting);
            }
        }
    }

    private void assertNoTrustLines() throws Exception {
        List<String> rules = Files.readAllLines(dataDirectory.resolve("pgdata").resolve("pg_hba.conf")).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertFalse(rules.isEmpty());
        assertTrue(rules.stream().allMatch(line -> line.endsWith("scram-sha-256")), () -> "pg_hba.conf rules: " + rules);
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
