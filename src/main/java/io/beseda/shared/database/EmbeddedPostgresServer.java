package io.beseda.shared.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server whose files live in a folder of ours. If another Beseda process on this machine
 * already runs the server for that folder (the console while an operator runs {@code ./beseda api-key}),
 * we connect to it instead of starting a second one; a server left behind by a process that was killed
 * is stopped and started afresh.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String OWNER_LOCK = "epg-lock";

    private final @Nullable EmbeddedPostgres owned;
    private final int port;

    private EmbeddedPostgresServer(@Nullable EmbeddedPostgres owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    /** Starts the server for {@code directory}, or joins the one another process runs there. */
    public static EmbeddedPostgresServer open(Path directory) {
        try {
            Files.createDirectories(directory);
            var running = runningPort(directory);
            if (running.isPresent()) {
                if (ownedByLiveProcess(directory)) {
                    log.info("Joining the embedded PostgreSQL another Beseda process runs on port {}", running.get());
                    return new EmbeddedPostgresServer(null, running.get());
                }
                stopOrphan(directory);
            }
            var server = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // The application context stops the server after everything that uses it has closed.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .start();
            return new EmbeddedPostgresServer(server, server.getPort());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + directory
                    + ": " + e.getMessage() + ". Set BESEDA_DB_URL to use an external PostgreSQL instead.", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates {@code database} unless it exists; the embedded superuser is {@code postgres}. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsupported database name: " + database);
        }
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + database + " encoding 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    public boolean owner() {
        return owned != null;
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }

    /** The port from postmaster.pid when the postmaster it names is alive. */
    private static Optional<Integer> runningPort(Path directory) throws IOException {
        var pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4 || lines.get(0).isBlank() || lines.get(3).isBlank()) {
            return Optional.empty();
        }
        boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .map(ProcessHandle::isAlive).orElse(false);
        return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    }

    /** Whether a live Beseda process holds the owner lock that the embedded server takes on start. */
    private static boolean ownedByLiveProcess(Path directory) throws IOException {
        var lockFile = directory.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        }
    }

    private static void stopOrphan(Path directory) throws IOException {
        var pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        log.warn("Stopping the embedded PostgreSQL (pid {}) left running by a process that ended", pid);
        try {
            // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, data is flushed.
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            var handle = ProcessHandle.of(pid);
            if (handle.isPresent()) {
                handle.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the orphaned PostgreSQL", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("The orphaned PostgreSQL (pid " + pid + ") did not stop", e);
        }
    }
}
