package io.beseda.shared.database;

import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.beseda.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTests {

    /** Tables that are not tenant data: the tenants themselves and platform bookkeeping. */
    private static final Set<String> NOT_TENANT_DATA = Set.of(
            "workspace", "login_failure", "event_publication", "flyway_schema_history", "installation_secret",
            "scheduled_tasks");

    @Test
    void migratesAnEmptyDatabase() {
        var jdbc = migrateFresh("migrate_empty");

        var tables = tables(jdbc);
        assertThat(tables).contains("workspace", "app_user", "api_key", "login_failure", "event_publication");
    }

    @Test
    void everyTenantTableHasAWorkspaceId() {
        var jdbc = migrateFresh("migrate_tenancy");

        var withoutWorkspace = jdbc.sql("""
                select t.table_name from information_schema.tables t
                where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
                  and not exists (select 1 from information_schema.columns c
                                  where c.table_schema = 'public' and c.table_name = t.table_name
                                    and c.column_name = 'workspace_id' and c.is_nullable = 'NO')""")
                .query(String.class).list();
        assertThat(withoutWorkspace).isSubsetOf(NOT_TENANT_DATA);
    }

    @Test
    void migratingTwiceChangesNothing() {
        var url = TestDatabase.createDatabase("migrate_twice");
        var first = flyway(url).migrate();
        var second = flyway(url).migrate();

        assertThat(first.migrationsExecuted).isPositive();
        assertThat(second.migrationsExecuted).isZero();
    }

    private static JdbcClient migrateFresh(String name) {
        var url = TestDatabase.createDatabase(name);
        flyway(url).migrate();
        return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", ""));
    }

    private static Flyway flyway(String url) {
        return Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load();
    }

    private static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list();
    }
}
