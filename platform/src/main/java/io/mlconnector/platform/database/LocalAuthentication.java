package io.mlconnector.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Makes the persistent embedded PostgreSQL ask for a password. The embedded library initialises a
 * data directory with {@code trust} for every local user; before the server starts, this gives the
 * {@code postgres} role a generated password (stored as a SCRAM-SHA-256 verifier, set in
 * single-user mode so no connection is ever accepted without it) and replaces {@code pg_hba.conf}
 * with scram-sha-256 lines only. Data directories created by earlier versions are converted the
 * same way on their next start.
 */
final class LocalAuthentication {

    static final String USER = "postgres";

    private static final List<String> HBA = List.of(
            "# Written by ml-connector: every connection needs the generated password (see database.password).",
            "local   all   all                 scram-sha-256",
            "host    all   all   127.0.0.1/32  scram-sha-256",
            "host    all   all   ::1/128       scram-sha-256");

    private final Path pgdata;
    private final Path passwordFile;
    private final Supplier<Path> binaries;
    private String password;
    private boolean newPassword;

    /**
     * @param pgdata       the server's data directory
     * @param passwordFile where the generated password is kept (beside the master key)
     * @param binaries     the unpacked PostgreSQL installation whose {@code bin/postgres} runs single-user
     */
    LocalAuthentication(Path pgdata, Path passwordFile, Supplier<Path> binaries) {
        this.pgdata = pgdata;
        this.passwordFile = passwordFile;
        this.binaries = binaries;
    }

    /** The stored password, generated and stored on first use. */
    synchronized String password() {
        if (password == null) {
            password = OwnerOnlyFile.read(passwordFile).orElse(null);
            if (password == null) {
                password = generatePassword();
                OwnerOnlyFile.write(passwordFile, password);
                newPassword = true;
            }
        }
        return password;
    }

    /** Makes sure the server will require the password; runs while the server is stopped. */
    synchronized void secure() {
        String required = password();
        if (newPassword || trustsAnyone()) {
            setPassword(required);
            writeHba();
            newPassword = false;
        }
    }

    /** True while any rule of {@code pg_hba.conf} lets a connection in without a password. */
    boolean trustsAnyone() {
        try (Stream<String> lines = Files.lines(pgdata.resolve("pg_hba.conf"))) {
            return lines.map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .anyMatch(line -> !line.endsWith("scram-sha-256"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read pg_hba.conf in " + pgdata, e);
        }
    }

    private void setPassword(String password) {
        Path postgres = binaries.get().resolve("bin").resolve("postgres");
        try {
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PostgreSQL refuses to run as root; like the embedded library, run it in a user namespace.
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(postgres.toString(), "--single", "-D", pgdata.toString(),
                    "-c", "password_encryption=scram-sha-256", "-c", "listen_addresses=", "postgres"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .start();
            try (var input = process.getOutputStream()) {
                // The password is sent on the process's standard input, never on its command line.
                input.write(("ALTER ROLE " + USER + " WITH PASSWORD '" + password + "';\n").getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("ERROR")) {
                throw new IllegalStateException("Could not set the embedded database's password: "
                        + output.replace(password, "…"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + postgres + " to set the embedded database's password", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting the embedded database's password", e);
        }
    }

    private void writeHba() {
        try {
            Files.write(pgdata.resolve("pg_hba.conf"), HBA, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write pg_hba.conf in " + pgdata, e);
        }
    }

    /** Letters and digits only, so it needs no quoting in SQL or a connection URL. */
    private static String generatePassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'a').replace('_', 'b');
    }
}
