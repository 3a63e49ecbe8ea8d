package io.beseda.bench.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.Beseda;
import io.beseda.channel.ChannelAccounts;
import io.beseda.consent.Channel;
import io.beseda.workspace.Actor;
import io.beseda.workspace.NewUser;
import io.beseda.workspace.Role;
import io.beseda.workspace.Users;
import io.beseda.workspace.WorkspaceId;
import io.beseda.workspace.Workspaces;

/**
 * Load driver for the chat path: N web-chat visitors over WebSocket, M operators on the inbox's SSE
 * stream, Beseda on a fresh embedded PostgreSQL in the same JVM, everything over loopback.
 *
 * <ol>
 * <li>holds N widget connections open;</li>
 * <li>sustained inbound: every visitor sends messages as fast as it may; messages/s counted as they reach
 *     an operator's screen (SSE);</li>
 * <li>a pause until the burst's follow-up work (assignment of the new conversations, event publications)
 *     is done, so the next phase measures a steady rate, not the previous burst's tail;</li>
 * <li>latency at a fixed rate: customer send → operator's SSE event, p50/p99;</li>
 * <li>operator reply (console POST) → the visitor's widget frame, p50/p99.</li>
 * </ol>
 * Run: {@code ./beseda bench chat [visitors] [operators] [rate] [seconds] [messages per visitor]}
 * (defaults 5000 20 1000 20 8; a visitor may send 20 messages at once, then one every two seconds).
 */
public final class ChatLoad {

    public static void main(String[] args) throws Exception {
        int visitors = arg(args, 0, 5000);
        int operators = arg(args, 1, 20);
        int rate = arg(args, 2, 1000);
        int seconds = arg(args, 3, 20);
        int perVisitor = arg(args, 4, 8);
        var data = Files.createTempDirectory("beseda-chat-bench");
        try (var app = new SpringApplicationBuilder(Beseda.class).run("--beseda.db.data-dir=" + data, "--server.port=0",
                "--beseda.demo.enabled=false", "--logging.level.root=WARN", "--server.tomcat.max-connections=20000",
                // the driver times every event; a real page that falls behind re-reads instead (resync)
                "--beseda.inbox.live.backlog=20000")) {
            new ChatLoad(app, visitors, operators).run(rate, seconds, perVisitor);
        }
        System.exit(0);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private final ConfigurableApplicationContext app;
    private final int visitorCount;
    private final int operatorCount;
    private final String base;
    private final JdbcClient jdbc;
    private final WorkspaceId workspace;
    private final String token = "wc_bench_" + UUID.randomUUID().toString().replace("-", "");
    private final List<Visitor> visitors = new ArrayList<>();
    private final List<ConsoleSession> sessions = new ArrayList<>();
    private final Map<UUID, ConcurrentLinkedQueue<Long>> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> repliesSentAt = new ConcurrentHashMap<>();
    private final AtomicInteger seen = new AtomicInteger();
    private volatile Latencies inbound = new Latencies();
    private final Latencies replies = new Latencies();

    private ChatLoad(ConfigurableApplicationContext app, int visitors, int operators) {
        this.app = app;
        this.visitorCount = visitors;
        this.operatorCount = operators;
        this.base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        this.jdbc = app.getBean(JdbcClient.class);
        this.workspace = app.getBean(Workspaces.class).create("chat-bench-" + UUID.randomUUID().toString().substring(0, 8),
                "Нагрузка чата", ZoneId.of("Europe/Moscow")).id();
        app.getBean(ChannelAccounts.class).add(workspace, Channel.WEBCHAT, "webchat", "Бенчмарк",
                Map.of("inboxToken", token, "identitySecret", "bench-secret-" + UUID.randomUUID()), 100_000);
    }

    private void run(int rate, int seconds, int perVisitor) throws Exception {
        signInOperators();
        connectVisitors();
        var conversations = firstMessages();
        sustained(perVisitor);
        settle();
        latencyAt(rate, seconds);
        replies(conversations, Math.min(200, rate / 5), 10);
        var runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("  JVM heap in use after the run (server and clients together): %,d MB%n%n",
                (runtime.totalMemory() - runtime.freeMemory()) / (1 << 20));
        visitors.forEach(Visitor::close);
    }

    private void signInOperators() throws Exception {
        var users = app.getBean(Users.class);
        for (int i = 0; i < operatorCount; i++) {
            var email = "op" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@bench.example";
            users.add(workspace, new NewUser(email, "Оператор " + i, Role.OPERATOR, "bench-password-1"), Actor.system(workspace, "bench"));
            var session = new ConsoleSession(base).signIn(email, "bench-password-1");
            sessions.add(session);
            var first = i == 0;
            var stream = new OperatorStream(session, (conversation, at) -> {
                if (first) {
                    customerMessageSeen(conversation, at);
                }
            });
            streams.add(stream);
            stream.start();
            stream.open.get();
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where workspace_id = ?").param(workspace.value()).query(Long.class).single();
    }

    private final List<OperatorStream> streams = new ArrayList<>();

    private void customerMessageSeen(UUID conversation, long at) {
        seen.incrementAndGet();
        var queue = sentAt.get(conversation);
        var sent = queue == null ? null : queue.poll();
        if (sent != null) {
            inbound.add((at - sent) / 1000);
        }
    }

    private void connectVisitors() throws Exception {
        var http = HttpClient.newHttpClient();
        var uri = URI.create(base.replace("http:", "ws:") + "/widget/ws?token=" + token);
        long started = System.nanoTime();
        for (int from = 0; from < visitorCount; from += 250) {
            var batch = new ArrayList<java.util.concurrent.CompletableFuture<Void>>();
            for (int i = from; i < Math.min(visitorCount, from + 250); i++) {
                var visitor = new Visitor("v-" + UUID.randomUUID(), this::replySeen);
                visitors.add(visitor);
                batch.add(visitor.connect(http, uri));
            }
            batch.forEach(java.util.concurrent.CompletableFuture::join);
        }
        System.out.printf("%n  %,d widget connections open and ready in %.1f s (%d operators on SSE)%n",
                visitors.size(), (System.nanoTime() - started) / 1e9, operatorCount);
    }

    private void replySeen(String text, long at) {
        var sent = repliesSentAt.remove(text);
        if (sent != null) {
            replies.add((at - sent) / 1000);
        }
    }

    /** Every visitor says hello once, so each has a conversation the driver can follow. */
    private List<UUID> firstMessages() throws Exception {
        sendFromAll(1, "Здравствуйте");
        awaitSeen(visitorCount, Duration.ofMinutes(1));
        var byVisitor = new ConcurrentHashMap<String, UUID>();
        jdbc.sql("""
                select c.id, i.value from conversation c
                join customer_identity i on i.workspace_id = c.workspace_id and i.customer_id = c.customer_id and i.kind = 'VISITOR'
                where c.workspace_id = ?""").param(workspace.value())
                .query((row, n) -> byVisitor.put(row.getString(2), row.getObject(1, UUID.class))).list();
        var conversations = new ArrayList<UUID>();
        for (var visitor : visitors) {
            var conversation = byVisitor.get(visitor.id);
            sentAt.put(conversation, new ConcurrentLinkedQueue<>());
            conversations.add(conversation);
        }
        conversationIndex.addAll(conversations);
        return conversations;
    }

    /** Waits until no event publication is outstanding, then two quiet seconds more. */
    private void settle() throws InterruptedException {
        long started = System.nanoTime();
        while (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0
                && System.nanoTime() - started < Duration.ofMinutes(2).toNanos()) {
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        System.out.printf("  (the burst's follow-up work took %.1f s more; then 2 s of quiet)%n", (System.nanoTime() - started) / 1e9 - 2);
    }

    private void sustained(int perVisitor) throws Exception {
        int before = seen.get();
        long started = System.nanoTime();
        sendFromAll(perVisitor, "Где мой заказ?");
        double sentSeconds = (System.nanoTime() - started) / 1e9;
        awaitSeen(before + visitorCount * perVisitor, Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = visitorCount * perVisitor;
        System.out.printf("  sustained inbound: %,d messages from %,d visitors sent in %.1f s, all on the operator's screen after %.1f s: %,.0f messages/s%n",
                total, visitorCount, sentSeconds, seconds, total / seconds);
    }

    private void sendFromAll(int perVisitor, String text) throws Exception {
        var next = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < visitors.size(); i = next.getAndIncrement()) {
                        for (int k = 0; k < perVisitor; k++) {
                            visitors.get(i).send(text);
                        }
                    }
                });
            }
        }
    }

    private void awaitSeen(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + seen.get() + " of " + count + " messages reached the operator; stored "
                        + count("inbound_message") + " inbound, " + count("conversation_message") + " in threads; resyncs "
                        + streams.getFirst().resyncs.get());
            }
            Thread.sleep(20);
        }
    }

    /** Open loop: messages leave at the given rate whatever the server does; each is timed to the operator's screen. */
    private void latencyAt(int rate, int seconds) throws Exception {
        inbound = new Latencies();
        int total = rate * seconds;
        int before = seen.get();
        long start = System.nanoTime() + 100_000_000L;
        var next = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = start + (long) (i * 1e9 / rate);
                        LockSupport.parkNanos(due - System.nanoTime());
                        var visitor = visitors.get(i % visitors.size());
                        var conversation = conversationOf(i % visitors.size());
                        synchronized (visitor) {
                            sentAt.get(conversation).add(System.nanoTime());
                            visitor.send("Есть ли 48 размер?");
                        }
                    }
                });
            }
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        awaitSeen(before + total, Duration.ofMinutes(5));
        System.out.printf("  customer → operator at %,d messages/s for %d s (sent in %.1f s): %s%n", rate, seconds, sendSeconds,
                inbound.summary());
    }

    private final List<UUID> conversationIndex = new ArrayList<>();

    private UUID conversationOf(int visitor) {
        return conversationIndex.get(visitor);
    }

    /** Operators answer through the console; each answer is timed to the visitor's widget. */
    private void replies(List<UUID> conversations, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long start = System.nanoTime() + 100_000_000L;
        var next = new AtomicInteger();
        var requests = new Latencies();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = start + (long) (i * 1e9 / rate);
                        LockSupport.parkNanos(due - System.nanoTime());
                        var nonce = "reply-" + i;
                        repliesSentAt.put(nonce, System.nanoTime());
                        long posted = System.nanoTime();
                        var response = sessions.get(i % sessions.size()).post("/inbox/" + conversations.get(i % conversations.size())
                                + "/replies", Map.of("text", nonce));
                        requests.add((System.nanoTime() - posted) / 1000);
                        if (response.statusCode() >= 400) {
                            throw new IllegalStateException("Reply refused: " + response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                });
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (replies.count() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        System.out.printf("  operator → widget at %,d replies/s for %d s: %s (%d of %d arrived)%n", rate, seconds, replies.summary(),
                replies.count(), total);
        System.out.printf("    the reply's own request (console POST until its answer): %s%n", requests.summary());
    }
}
