package io.beseda.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.boot.SpringApplication;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL for the whole test run, started from the same embedded binaries Beseda runs on.
 * Test contexts share the database {@code beseda}; tests that need an empty one ask for a fresh one.
 */
public final class TestDatabase {

    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // stopped by the hook below, after the application contexts that use it
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL for tests", e);
            }
            // Run by Spring Boot's own shutdown hook once every application context has closed (they read the
            // database while closing; a hook of our own would run beside them and pull the server from under them).
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            });
            createDatabase("beseda");
        }
        return server;
    }

    public static String url(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String createDatabase(String name) {
        try (var connection = DriverManager.getConnection(server().getJdbcUrl("postgres", "postgres"), "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }
}
