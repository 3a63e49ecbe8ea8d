package io.beseda.shared.database;

import javax.sql.DataSource;

import io.beseda.shared.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One data source for the whole application: the external PostgreSQL when BESEDA_DB_URL is set,
 * otherwise the embedded one, which lives exactly as long as the application context.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DatabaseLocation databaseLocation(DatabaseSettings settings) {
        if (!settings.embedded()) {
            return new DatabaseLocation(settings.url(), settings.user(), settings.password(), null);
        }
        var server = EmbeddedPostgresServer.open(settings.embeddedDirectory());
        server.ensureDatabase(settings.name());
        log.info("Embedded PostgreSQL: {} (files in {})", server.jdbcUrl(settings.name()), settings.embeddedDirectory());
        return new DatabaseLocation(server.jdbcUrl(settings.name()), "postgres", "", server);
    }

    @Bean
    HikariDataSource dataSource(DatabaseLocation location) {
        var dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(location.url())
                .username(location.user())
                .password(location.password())
                .build();
        dataSource.setPoolName("beseda");
        // Lets JDBC batches of inserts travel as multi-row statements: storefront events arrive in batches.
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        dataSource.setMaximumPoolSize(20);
        // A connection held for a minute is a leak or a stuck request: say where it was taken.
        dataSource.setLeakDetectionThreshold(60_000);
        return dataSource;
    }
}
