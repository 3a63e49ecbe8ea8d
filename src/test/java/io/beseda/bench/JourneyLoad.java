package io.beseda.bench;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.beseda.Beseda;
import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.consent.ConsentPurpose;
import io.beseda.consent.Consents;
import io.beseda.journey.definition.ShippedJourneys;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;
import io.beseda.workspace.Workspaces;

/**
 * The journeys benchmark: Beseda on a fresh embedded PostgreSQL with its timers and dispatcher running, one
 * workspace with sandbox push, SMS and e-mail accounts and the shipped «Брошенная корзина» launched at a short
 * pace, then {@code carts} abandoned carts whose idle checks fall due at {@code rate} a second. Every cart goes
 * the whole way: idle check → entry → push → its receipt → pause → coupon → SMS → its receipt → pause → e-mail →
 * its receipt. Measures timers and step executions per second and how late each timer starts.
 *
 * <p>The setup (customers, identities, consents, carts, the idle checks' timers) is written with plain SQL and is
 * not measured. Bounded: it stops when every run has ended, when nothing moved for two minutes, or at the time
 * limit. Run: {@code ./beseda bench journeys [carts] [rate] [minutes]} (defaults 1,000,000, 2,000 and 120).
 */
public final class JourneyLoad {

    /** The pace: the idle check fires once, then the run waits these minutes between its messages. */
    static final ShippedJourneys.CartPace PACE = new ShippedJourneys.CartPace(Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(3), Duration.ofSeconds(30));
    private static final int CHUNK = 50_000;
    private static final Duration TICK = Duration.ofSeconds(10);
    private static final Duration STUCK = Duration.ofMinutes(2);

    public static void main(String[] args) throws Exception {
        int carts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        var data = Files.createTempDirectory("beseda-bench-journeys");
        var lateness = new TimerLateness();
        var exit = 0;
        try (var app = new SpringApplicationBuilder(Beseda.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchTimerLateness", lateness))
                .run("--beseda.db.data-dir=" + data, "--server.port=0", "--beseda.demo.enabled=false",
                        "--beseda.journey.timers=true", "--logging.level.root=WARN")) {
            var load = new JourneyLoad(app, lateness, carts, rate, data.resolve("postgres").resolve("postmaster.pid"));
            load.setUp();
            exit = load.measure(Duration.ofMinutes(minutes)) ? 0 : 1;
        }
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        System.exit(exit);
    }

    private final ConfigurableApplicationContext app;
    private final TimerLateness lateness;
    private final JdbcTemplate sql;
    private final int carts;
    private final int rate;
    private WorkspaceId workspace;
    private UUID journey;
    private Instant firstDue;
    private Instant lastDue;
    private ZoneId zone;

    private final java.nio.file.Path postmaster;

    private JourneyLoad(ConfigurableApplicationContext app, TimerLateness lateness, int carts, int rate, java.nio.file.Path postmaster) {
        this.postmaster = postmaster;
        this.app = app;
        this.lateness = lateness;
        this.sql = app.getBean(JdbcTemplate.class);
        this.carts = carts;
        this.rate = rate;
    }

    // --- setup (not measured) -----------------------------------------------------------------------------

    private void setUp() {
        var started = System.nanoTime();
        // a zone where it is about noon now: the send policy's quiet hours (21:00–09:00 local) stay out of the run
        int offset = Math.floorMod(12 - Instant.now().atZone(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        zone = ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
        workspace = app.getBean(Workspaces.class).create("bench-" + UUID.randomUUID().toString().substring(0, 8), "Нагрузка", zone).id();
        var actor = Actor.system(workspace, "bench");
        var accounts = app.getBean(ChannelAccounts.class);
        for (var channel : List.of(Channel.PUSH, Channel.SMS, Channel.EMAIL)) {
            accounts.add(workspace, channel, "sandbox", "Песочница " + channel, Map.of(), 1_000_000);
        }
        // three marketing messages per cart in minutes: the default caps (2 a day, 1 per channel) would stop the e-mail
        sql.update("""
                insert into send_policy (workspace_id, marketing_per_day, marketing_per_week, marketing_per_day_channel, marketing_per_week_channel)
                values (?, 10, 20, 5, 10) on conflict (workspace_id) do update set marketing_per_day = 10, marketing_per_week = 20,
                    marketing_per_day_channel = 5, marketing_per_week_channel = 10""", workspace.value());
        var text = app.getBean(Consents.class).registerText(actor, ConsentPurpose.MARKETING, "2026-01", "Согласен получать рекламу магазина.");
        var catalog = app.getBean(JourneyCatalog.class);
        journey = catalog.create(actor, "Брошенная корзина", ShippedJourneys.abandonedCart(PACE), null).id();
        catalog.launch(actor, journey, false, List.of());

        var ws = workspace.value().toString();
        var leftAt = Timestamp.from(Instant.now().minus(PACE.idle()).minusSeconds(60));
        for (int from = 1; from <= carts; from += CHUNK) {
            int to = Math.min(carts, from + CHUNK - 1);
            insertShoppers(ws, text.id(), text.version(), text.sha256(), leftAt, from, to);
            if (to % 200_000 == 0 || to == carts) {
                System.out.printf("  set up %,d of %,d shoppers (%.0f s)%n", to, carts, (System.nanoTime() - started) / 1e9);
            }
        }
        sql.execute("analyze");
        // the idle checks' timers, spread at `rate` a second, from 20 s after this insert
        var t0 = Instant.now().plusSeconds(20 + carts / 200_000 * 5L);
        sql.update("""
                insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                select 'journey-cart-idle', ?::text || '|' || c.id, null, ?::timestamptz + (n - 1) * (interval '1 second' / ?), false, 1
                from generate_series(1, ?) n cross join lateral (select %s as id) c""".formatted(customerId("n")),
                journey.toString(), Timestamp.from(t0), rate, carts);
        sql.execute("analyze scheduled_tasks");
        firstDue = t0;
        lastDue = t0.plus(Duration.ofNanos((long) ((carts - 1) * 1e9 / rate)));
        System.out.printf("  set up done in %.0f s; %,d idle checks due from %s to %s (%,d a second); zone %s%n%n",
                (System.nanoTime() - started) / 1e9, carts, t0, lastDue, rate, zone);
    }

    /** The customer with number {@code n} of this run (a fixed uuid, so every table joins without a lookup). */
    private static String customerId(String n) {
        return "('00000000-0000-4000-8000-' || lpad(to_hex(" + n + "), 12, '0'))::uuid";
    }

    private void insertShoppers(String ws, UUID textId, String textVersion, String textSha, Timestamp leftAt, int from, int to) {
        var id = customerId("n");
        var range = " from generate_series(" + from + ", " + to + ") n";
        sql.update("insert into customer (id, workspace_id, name, phone, phone_valid, email, created_at, last_seen_at)"
                + " select " + id + ", ?::uuid, 'Покупатель ' || n, '+7916' || lpad(n::text, 7, '0'), true,"
                + " 'shopper' || n || '@example.ru', ?, ?" + range, ws, leftAt, leftAt);
        sql.update("insert into customer_identity (workspace_id, kind, value, customer_id, raw, valid, created_at)"
                + " select ?::uuid, k.kind, k.value, " + id + ", k.value, true, ?" + range
                + " cross join lateral (values ('VISITOR', 'v-' || n), ('PHONE', '+7916' || lpad(n::text, 7, '0')),"
                + " ('EMAIL', 'shopper' || n || '@example.ru')) k(kind, value)", ws, leftAt);
        sql.update("insert into consent_record (id, workspace_id, customer_id, purpose, channel, address, granted, text_id, text_version,"
                + " text_sha256, source, recorded_at, proof, recorded_by)"
                + " select gen_random_uuid(), ?::uuid, " + id + ", 'MARKETING', k.channel, k.address, true, ?, ?, ?, 'CHECKOUT', ?,"
                + " '{\"checkbox\":\"marketing\"}'::jsonb, 'bench'" + range
                + " cross join lateral (values ('PUSH', null), ('SMS', '+7916' || lpad(n::text, 7, '0')),"
                + " ('EMAIL', 'shopper' || n || '@example.ru')) k(channel, address)",
                ws, textId, textVersion, textSha, Timestamp.from(leftAt.toInstant().minus(Duration.ofDays(30))));
        var items = "jsonb_build_array(jsonb_build_object('productId', 'sku-' || (n % 2000), 'name', 'Платье «Лето» ' || (n % 2000),"
                + " 'price', 4990, 'quantity', 1))";
        sql.update("insert into cart (workspace_id, customer_id, items, total, currency, updated_at)"
                + " select ?::uuid, " + id + ", " + items + ", 4990, 'RUB', ?" + range, ws, leftAt);
        sql.update("insert into storefront_event (workspace_id, event_id, customer_id, type, occurred_at, received_at, properties)"
                + " select ?::uuid, 'cart-' || n, " + id + ", 'cart_updated', ?, ?, jsonb_build_object('items', " + items
                + ", 'total', 4990, 'currency', 'RUB')" + range, ws, leftAt, leftAt);
    }

    // --- measurement --------------------------------------------------------------------------------------

    private record Sample(long atMillis, long idleFired, long wakesFired, long steps) {
    }

    /** @return whether every run ended within the limit */
    private boolean measure(Duration limit) throws InterruptedException {
        var samples = new ArrayList<Sample>();
        var deadline = Instant.now().plus(limit);
        var stepsBefore = stepsInserted();
        while (Instant.now().isBefore(firstDue)) {
            Thread.sleep(100);
        }
        commitsBefore = commits();
        cpuBefore = os().getProcessCpuTime();
        postgresCpuBefore = postgresCpuSeconds();
        System.out.println("    time  cart-idle/s  wake/s  steps/s  due-not-started  active-runs  outbox-queue  max-late-ms  p99-late-ms-so-far");
        samples.add(sample(stepsBefore));
        var finished = false;
        long lastMoved = System.currentTimeMillis();
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(TICK.toMillis());
            var s = sample(stepsBefore);
            var p = samples.getLast();
            samples.add(s);
            var seconds = (s.atMillis - p.atMillis) / 1000.0;
            long active = count("select count(*) from journey_run where status = 'ACTIVE'");
            long due = count("select count(*) from scheduled_tasks where task_name like 'journey-%' and execution_time <= now() and not picked");
            long queued = count("select count(*) from outbound_message where status in ('QUEUED', 'SENDING')");
            long timers = count("select count(*) from scheduled_tasks where task_name like 'journey-%'");
            System.out.printf("  %5.0fs  %11.0f  %6.0f  %7.0f  %15d  %11d  %12d  %11d  %18d%n", (s.atMillis - firstDue.toEpochMilli()) / 1000.0,
                    (s.idleFired - p.idleFired) / seconds, (s.wakesFired - p.wakesFired) / seconds, (s.steps - p.steps) / seconds,
                    due, active, queued, Math.max(lateness.cartIdle.takeTickMax(), lateness.wake.takeTickMax()),
                    TimerLateness.Histogram.quantile(0.99, lateness.cartIdle, lateness.wake));
            if (s.idleFired != p.idleFired || s.wakesFired != p.wakesFired || s.steps != p.steps) {
                lastMoved = System.currentTimeMillis();
            }
            if (lateness.cartIdle.fired() >= carts && active == 0 && timers == 0 && queued == 0) {
                finished = true;
                break;
            }
            if (System.currentTimeMillis() - lastMoved > STUCK.toMillis() && Instant.now().isAfter(lastDue)
                    && count("select count(*) from scheduled_tasks where task_name like 'journey-%' and execution_time > now()") == 0) {
                System.out.println("  nothing moved for " + STUCK.toMinutes() + " minutes and no timer is ahead: stopping");
                break;
            }
        }
        summary(samples, stepsBefore, finished);
        return finished;
    }

    private long commitsBefore;
    private long cpuBefore;

    private double postgresCpuBefore;

    /** CPU seconds of the embedded PostgreSQL and its backends so far (Linux /proc; 0 where that is missing). */
    private double postgresCpuSeconds() {
        try {
            long pid = Long.parseLong(Files.readAllLines(postmaster).getFirst().strip());
            var processes = new ArrayList<Long>();
            processes.add(pid);
            ProcessHandle.of(pid).ifPresent(p -> p.children().forEach(c -> processes.add(c.pid())));
            double seconds = 0;
            for (var p : processes) {
                try {
                    var stat = Files.readString(java.nio.file.Path.of("/proc", String.valueOf(p), "stat"));
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                } catch (java.io.IOException | RuntimeException gone) {
                    // a backend that ended meanwhile
                }
            }
            return seconds;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private long commits() {
        return count("select xact_commit from pg_stat_database where datname = current_database()");
    }

    private static com.sun.management.OperatingSystemMXBean os() {
        return (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    }

    private Sample sample(long stepsBefore) {
        return new Sample(System.currentTimeMillis(), lateness.cartIdle.fired(), lateness.wake.fired(), stepsInserted() - stepsBefore);
    }

    /** Rows inserted into journey_step_execution, from PostgreSQL's statistics (a count(*) would read the table). */
    private long stepsInserted() {
        return count("select coalesce(sum(n_tup_ins), 0) from pg_stat_user_tables where relname = 'journey_step_execution'");
    }

    private long count(String query) {
        var n = sql.queryForObject(query, Long.class);
        return n == null ? 0 : n;
    }

    private void summary(List<Sample> samples, long stepsBefore, boolean finished) {
        var first = samples.getFirst();
        var last = samples.getLast();
        long lastStart = Math.max(lateness.cartIdle.lastStart(), lateness.wake.lastStart());
        double busy = Math.max(1, (Math.min(last.atMillis, Math.max(lastStart, first.atMillis + 1)) - firstDue.toEpochMilli()) / 1000.0);
        long steps = count("select count(*) from journey_step_execution");
        long fired = lateness.cartIdle.fired() + lateness.wake.fired();
        double best60Steps = 0;
        double best60Timers = 0;
        for (int i = 0; i < samples.size(); i++) {
            for (int j = i + 1; j < samples.size(); j++) {
                double s = (samples.get(j).atMillis - samples.get(i).atMillis) / 1000.0;
                if (s >= 59) {
                    var a = samples.get(i);
                    var b = samples.get(j);
                    best60Steps = Math.max(best60Steps, (b.steps - a.steps) / s);
                    best60Timers = Math.max(best60Timers, (b.idleFired + b.wakesFired - a.idleFired - a.wakesFired) / s);
                    break;
                }
            }
        }
        var runs = sql.queryForList("select status, count(*) as n from journey_run group by status order by status");
        var messages = sql.queryForList("select channel, status, count(*) as n from outbound_message group by channel, status order by channel, status");
        var size = sql.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class);
        double wall = (last.atMillis - first.atMillis) / 1000.0;
        double jvmCores = (os().getProcessCpuTime() - cpuBefore) / 1e9 / Math.max(1, wall);
        double postgresCores = (postgresCpuSeconds() - postgresCpuBefore) / Math.max(1, wall);
        long transactions = commits() - commitsBefore;
        var idle = lateness.cartIdle;
        var wake = lateness.wake;
        System.out.printf("""

                  Journeys benchmark: %,d abandoned carts, idle checks due at %,d/s; pace idle %s, push → %s → SMS → %s → e-mail,
                  no reminder while active within %s; %s
                  ─────────────────────────────────────────────────────────────────────────────────────
                  busy period (first due → last timer started)   %,10.0f s
                  timers fired                                   %,10d   (cart-idle %,d, wake %,d)
                  timers/s over the busy period                  %,10.0f   (cart-idle %,.0f, wake %,.0f)
                  timers/s, best 60 s                            %,10.0f
                  step executions (rows)                         %,10d
                  step executions/s over the busy period         %,10.0f
                  step executions/s, best 60 s                   %,10.0f
                  timer lateness p50 / p99 / max (ms)            %,10d / %,d / %,d
                    cart-idle p50 / p99 / max                    %,10d / %,d / %,d
                    wake      p50 / p99 / max                    %,10d / %,d / %,d
                  timers started within 1 s of due               %10.2f %%  (cart-idle %.2f %%, wake %.2f %%)
                """, carts, rate, PACE.idle(), PACE.beforeSms(), PACE.beforeEmail(), PACE.activeQuietFor(),
                finished ? "every run ended" : "NOT FINISHED (stopped)",
                busy, fired, idle.fired(), wake.fired(), fired / busy, idle.fired() / busy, wake.fired() / busy, best60Timers,
                steps, steps / busy, best60Steps,
                TimerLateness.Histogram.quantile(0.5, idle, wake), TimerLateness.Histogram.quantile(0.99, idle, wake), Math.max(idle.max(), wake.max()),
                TimerLateness.Histogram.quantile(0.5, idle), TimerLateness.Histogram.quantile(0.99, idle), idle.max(),
                TimerLateness.Histogram.quantile(0.5, wake), TimerLateness.Histogram.quantile(0.99, wake), wake.max(),
                100 * TimerLateness.Histogram.within(Duration.ofSeconds(1), idle, wake),
                100 * TimerLateness.Histogram.within(Duration.ofSeconds(1), idle), 100 * TimerLateness.Histogram.within(Duration.ofSeconds(1), wake));
        System.out.print("  runs                                          ");
        runs.forEach(r -> System.out.print(" " + r.get("status") + " " + String.format("%,d", ((Number) r.get("n")).longValue())));
        long converted = count("select count(*) from journey_run where converted_at is not null");
        System.out.printf("%n  converted                                      %,10d   (no shopper buys in this benchmark)%n", converted);
        System.out.print("  messages                                      ");
        messages.forEach(r -> System.out.print(" " + r.get("channel") + "/" + r.get("status") + " " + String.format("%,d", ((Number) r.get("n")).longValue())));
        System.out.printf("%n  database transactions committed                %,10d   (%.1f per cart)%n", transactions, (double) transactions / carts);
        System.out.printf("  CPU over the run (%.0f s): Beseda's JVM %.2f cores, its PostgreSQL %.2f cores, of %d; machine load average at the end %.1f%n",
                wall, jvmCores, postgresCores, Runtime.getRuntime().availableProcessors(), os().getSystemLoadAverage());
        System.out.printf("  database size at the end                       %10s%n%n", size);
    }
}
