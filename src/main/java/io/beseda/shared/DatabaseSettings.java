package io.beseda.shared;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Beseda keeps its data. With no {@code url} Beseda starts its own PostgreSQL in
 * {@code dataDir}/postgres; with a {@code url} (BESEDA_DB_URL) it uses that server.
 *
 * @param url      JDBC URL of an external PostgreSQL ≥ 15, or empty for the embedded one
 * @param user     user for the external server
 * @param password password for the external server (secret)
 * @param dataDir  folder for the embedded server's files; survives restarts
 * @param name     database name used inside the embedded server
 */
@ConfigurationProperties("beseda.db")
public record DatabaseSettings(
        @Nullable String url,
        @Nullable String user,
        @Nullable String password,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("beseda") String name) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    public Path embeddedDirectory() {
        return dataDir.resolve("postgres").toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", dataDir=" + dataDir + "]";
    }
}
