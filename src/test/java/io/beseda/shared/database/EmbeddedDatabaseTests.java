package io.beseda.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.beseda.Beseda;
import io.beseda.workspace.Workspaces;
import io.beseda.workspace.apikey.ApiKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./beseda run} as a new user meets it: an embedded PostgreSQL whose data survives restarts. */
class EmbeddedDatabaseTests {

    @TempDir
    Path data;

    @Test
    void dataSurvivesARestart() {
        String secret;
        try (var first = start()) {
            var demo = first.getBean(Workspaces.class).findBySlug("demo");
            assertThat(demo).as("the demo workspace is created on first start").isPresent();
            assertThat(demo.get().name()).isEqualTo("Демо-магазин");
            secret = first.getBean(ApiKeys.class).issue(demo.get().id(), "survivor", "test").secret();
            var jdbc = first.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from catalog_offer where workspace_id = ? and listed").param(demo.get().id().value())
                    .query(Integer.class).single()).as("the demo catalogue, every offer of the feed taken").isEqualTo(273);
            assertThat(jdbc.sql("select city from catalog_store where workspace_id = ? order by city").param(demo.get().id().value())
                    .query(String.class).list()).containsExactly("Екатеринбург", "Москва", "Санкт-Петербург");
            assertThat(jdbc.sql("select count(*) from customer_order where workspace_id = ? and delivery->>'courierPhone' is not null")
                    .param(demo.get().id().value()).query(Integer.class).single()).as("shipped demo orders name their courier").isPositive();
            assertThat(first.getBean(io.beseda.bot.BotSettings.class).of(demo.get().id()).enabled()).as("the demo shop's bot is on").isTrue();
            assertThat(first.getBean(io.beseda.bot.KnowledgeBase.class).list(demo.get().id())).as("with a knowledge base").hasSize(6);
        }
        assertThat(data.resolve("postgres/PG_VERSION")).exists();

        try (var second = start()) {
            var keys = second.getBean(ApiKeys.class);
            assertThat(keys.authenticate(secret, java.time.Instant.now())).as("the key issued before the restart")
                    .isPresent();
            var demo = second.getBean(Workspaces.class).findBySlug("demo").orElseThrow();
            assertThat(keys.list(demo.id())).extracting(k -> k.name()).containsOnlyOnce("survivor");
            assertThat(second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select count(*) from catalog_import where workspace_id = ?").param(demo.id().value()).query(Integer.class).single())
                    .as("the demo catalogue is imported once, not at every start").isEqualTo(1);
            assertThat(second.getBean(io.beseda.bot.KnowledgeBase.class).list(demo.id())).as("the demo knowledge base is seeded once").hasSize(6);
        }
    }

    @Test
    void aSecondProcessJoinsTheRunningServerInsteadOfStartingAnother() throws Exception {
        var directory = data.resolve("postgres");
        try (var running = EmbeddedPostgresServer.open(directory)) {
            try (var joined = EmbeddedPostgresServer.open(directory)) {
                assertThat(joined.owner()).isFalse();
                assertThat(joined.port()).isEqualTo(running.port());
            }
            assertThat(ProcessHandle.of(pid(directory))).as("closing the joiner leaves the server running")
                    .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        }
        assertThat(directory.resolve("postmaster.pid")).doesNotExist();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Beseda.class).run(
                "--beseda.db.data-dir=" + data, "--server.port=0", "--beseda.demo.enabled=true");
    }

    private static long pid(Path directory) throws java.io.IOException {
        return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().trim());
    }
}
