package io.beseda.bench;

import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.Beseda;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.consent.Channel;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.workspace.Workspaces;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

public final class InboundProbe {
    public static void main(String[] args) throws Exception {
        int total = Integer.parseInt(args[0]);
        int visitors = Integer.parseInt(args[1]);
        var data = Files.createTempDirectory("beseda-probe");
        var arguments = new ArrayList<>(List.of("--beseda.db.data-dir=" + data,
                "--server.port=0", "--beseda.demo.enabled=false", "--logging.level.root=WARN"));
        // -Dprobe.statements=true counts what the database executes per message (pg_stat_statements needs a
        // preloaded library, so the probe runs its own server and hands Beseda its URL; rates are then not comparable).
        boolean statements = Boolean.getBoolean("probe.statements");
        EmbeddedPostgres counted = null;
        if (statements) {
            counted = EmbeddedPostgres.builder().setDataDirectory(data.resolve("counted")).setCleanDataDirectory(true)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
                    .setServerConfig("auto_explain.log_min_duration", System.getProperty("probe.slow", "-1"))
                    .setServerConfig("logging_collector", "on").setServerConfig("log_directory", System.getProperty("probe.log", "log"))
                    .setServerConfig("track_commit_timestamp", "on")
                    .setServerConfig("pg_stat_statements.track_planning", "on")
                    .setServerConfig("max_connections", "200").start();
            arguments.add("--beseda.db.url=" + counted.getJdbcUrl("postgres", "postgres"));
            arguments.add("--beseda.db.user=postgres");
            arguments.add("--beseda.db.password=");
        }
        try (var app = new SpringApplicationBuilder(Beseda.class).run(arguments.toArray(String[]::new))) {
            var ws = app.getBean(Workspaces.class).create("probe", "Probe", ZoneId.of("Europe/Moscow")).id();
            var inbound = app.getBean(InboundMessages.class);
            var jdbc = app.getBean(JdbcClient.class);
            if (statements) {
                jdbc.sql("create extension if not exists pg_stat_statements").update();
                jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
            }
            // -Dprobe.setup="alter system set …;select pg_reload_conf()": server settings to compare, probe only.
            for (var sql : System.getProperty("probe.setup", "").split(";")) {
                if (!sql.isBlank()) {
                    if (sql.strip().startsWith("select")) {
                        jdbc.sql(sql).query((r, n) -> "").list();
                    } else {
                        jdbc.sql(sql).update();
                    }
                }
            }
            var next = new AtomicInteger();
            long rate = Long.getLong("probe.rate", 0);
            long start = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(8)) {
                for (int t = 0; t < 8; t++) {
                    pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                            if (rate > 0) {
                                // -Dprobe.rate=N: message i is due N-th of a second after the start, not earlier.
                                java.util.concurrent.locks.LockSupport.parkNanos(start + i * 1_000_000_000L / rate - System.nanoTime());
                            }
                            inbound.receive(ws, new InboundMessage(Channel.WEBCHAT, UUID.randomUUID().toString(),
                                    Identity.of(IdentityKind.VISITOR, "v" + (i % visitors)), null, "Где мой заказ " + i, List.of(), null, Instant.now()));
                        }
                    });
                }
            }
            double stored = (System.nanoTime() - start) / 1e9;
            while (jdbc.sql("select count(*) from conversation_message").query(Long.class).single() < total) {
                Thread.sleep(50);
            }
            double all = (System.nanoTime() - start) / 1e9;
            // Completed publications are deleted (completion-mode: delete); what is left is still to be done.
            jdbc.sql("select listener_id, count(*) c, count(completion_date) done from event_publication group by 1").query((r, n) -> r.getString(1) + " " + r.getLong(2) + " " + r.getLong(3)).list().forEach(System.out::println);
            if (statements) {
                // Send (the message's sent_at) to the commit that put it in the conversation, from commit timestamps.
                System.out.println(jdbc.sql("""
                        select 'send to conversation (ms): p50 ' || round(percentile_cont(0.5) within group (order by l)::numeric, 1)
                            || ' p99 ' || round(percentile_cont(0.99) within group (order by l)::numeric, 1)
                            || ' max ' || round(max(l)::numeric, 1)
                        from (select extract(epoch from pg_xact_commit_timestamp(xmin) - created_at) * 1000 l
                              from conversation_message where direction = 'IN') m""").query(String.class).single());
                printStatements(jdbc, total);
                explain(app.getBean(javax.sql.DataSource.class));
            }
            System.out.printf("%n stored %d in %.1fs (%.0f/s); in threads after %.1fs (%.0f/s)%n", total, stored, total / stored, all, total / all);
        } finally {
            if (counted != null) {
                counted.close();
            }
        }
    }

    private static void printStatements(JdbcClient jdbc, int total) {
        var rows = jdbc.sql("""
                select calls, round(total_exec_time::numeric, 0) ms, round(total_plan_time::numeric, 0) plan,
                       regexp_replace(query, '\\s+', ' ', 'g') q from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database()) and calls >= ?
                order by calls desc""").param(total / 20)
                .query((r, n) -> "%8d %7d ms %6d ms planning  %s".formatted(r.getLong(1), r.getLong(2), r.getLong(3), abbreviate(r.getString(4)))).list();
        rows.forEach(System.out::println);
        long calls = jdbc.sql("""
                select sum(calls) from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                  and query not like '%pg_stat_statements%' and query not like 'select count(*) from conversation_message'""")
                .query(Long.class).single();
        System.out.printf("%n statements per message: %.1f%n", (double) calls / total);
    }

    /** -Dprobe.explain="query with $1..;another": the plans PostgreSQL would cache for them. */
    private static void explain(javax.sql.DataSource data) throws java.sql.SQLException {
        try (var connection = data.getConnection(); var statement = connection.createStatement()) {
            statement.execute("set plan_cache_mode = force_generic_plan");
            int n = 0;
            for (var query : System.getProperty("probe.explain", "").split(";")) {
                if (!query.isBlank()) {
                    statement.execute("prepare probe_" + n + " as " + query);
                    int parameters = query.split("\\$").length - 1;
                    var nulls = String.join(", ", java.util.Collections.nCopies(parameters, "null"));
                    System.out.println(query);
                    try (var plan = statement.executeQuery("explain execute probe_" + n++ + (parameters == 0 ? "" : "(" + nulls + ")"))) {
                        while (plan.next()) {
                            System.out.println(plan.getString(1));
                        }
                    }
                }
            }
        }
    }

    private static String abbreviate(String query) {
        return query.length() > 150 ? query.substring(0, 150) + "…" : query;
    }
}
