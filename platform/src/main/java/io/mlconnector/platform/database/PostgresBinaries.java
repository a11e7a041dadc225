package io.mlconnector.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the PostgreSQL installation the embedded library unpacked into its working directory
 * ({@code PG-<digest>} folders, one per binaries version) that can run a given data directory.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The embedded library's default working directory, named explicitly so the binaries can be found. */
    static Path workingDirectory() {
        return Path.of(System.getProperty("ot.epg.working-dir", System.getProperty("java.io.tmpdir")), "embedded-pg");
    }

    /** The unpacked installation whose major version is the one that wrote {@code pgdata}. */
    static Path forDataDirectory(Path workingDirectory, Path pgdata) {
        String major = read(pgdata.resolve("PG_VERSION")).trim();
        try (Stream<Path> installations = Files.list(workingDirectory)) {
            return installations
                    .filter(dir -> dir.getFileName().toString().startsWith("PG-"))
                    .filter(dir -> Files.isExecutable(dir.resolve("bin").resolve("postgres")))
                    .filter(dir -> majorVersion(dir).equals(major))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No unpacked PostgreSQL " + major + " in " + workingDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + workingDirectory, e);
        }
    }

    private static String majorVersion(Path installation) {
        try {
            Process process = new ProcessBuilder(installation.resolve("bin").resolve("postgres").toString(), "--version")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(30, TimeUnit.SECONDS);
            // "postgres (PostgreSQL) 17.11"
            String version = output.substring(output.lastIndexOf(' ') + 1);
            return version.split("\\.")[0];
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
