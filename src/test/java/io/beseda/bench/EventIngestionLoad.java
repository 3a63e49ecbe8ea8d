package io.beseda.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;

import io.beseda.Beseda;
import io.beseda.workspace.Workspaces;
import io.beseda.workspace.apikey.ApiKeys;

/**
 * Load driver for {@code POST /api/v1/events}: starts Beseda on a fresh embedded PostgreSQL on this
 * machine, then posts batches of 500 realistic storefront events from several client threads over
 * loopback and prints events per second. Bounded: a fixed number of batches, then it stops.
 *
 * <p>Run: {@code ./beseda bench events [batches] [threads]} (defaults 200 batches, 4 threads).
 */
public final class EventIngestionLoad {

    private static final int BATCH = 500;

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        var data = Files.createTempDirectory("beseda-bench");
        try (var app = new SpringApplicationBuilder(Beseda.class).run("--beseda.db.data-dir=" + data,
                "--server.port=0", "--beseda.demo.enabled=false", "--logging.level.root=WARN")) {
            var workspace = app.getBean(Workspaces.class).create("bench-" + UUID.randomUUID().toString().substring(0, 8),
                    "Нагрузка", ZoneId.of("Europe/Moscow"));
            var key = app.getBean(ApiKeys.class).issue(workspace.id(), "bench", "bench").secret();
            var url = URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/api/v1/events");
            var client = HttpClient.newHttpClient();

            run(client, url, key, Math.max(10, batches / 10), threads, 1);           // warm-up
            long started = System.nanoTime();
            int accepted = run(client, url, key, batches, threads, 2);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%n  %,d events in %,d batches of %d from %d threads: %.1f s, %,.0f events/s%n%n",
                    accepted, batches, BATCH, threads, seconds, accepted / seconds);
        }
    }

    private static int run(HttpClient client, URI url, String key, int batches, int threads, int seed) throws Exception {
        var next = new AtomicInteger();
        var accepted = new AtomicInteger();
        var tasks = new ArrayList<Callable<Void>>();
        for (int t = 0; t < threads; t++) {
            var random = new Random(seed * 1000L + t);
            tasks.add(() -> {
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    var response = client.send(HttpRequest.newBuilder(url)
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(batch(random))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                    }
                    var body = response.body();
                    var from = body.indexOf("\"accepted\":") + 11;
                    accepted.addAndGet(Integer.parseInt(body.substring(from, body.indexOf(',', from))));
                }
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (var future : pool.invokeAll(tasks)) {
                future.get();
            }
        }
        return accepted.get();
    }

    /** 500 events from about 50 shoppers: mostly views, some carts, searches and orders; a fifth are new visitors. */
    private static String batch(Random random) {
        var events = new ArrayList<String>(BATCH);
        var now = Instant.now();
        List<String> shoppers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            shoppers.add(random.nextInt(5) == 0 ? "new-" + UUID.randomUUID() : "v-" + random.nextInt(20_000));
        }
        for (int i = 0; i < BATCH; i++) {
            var visitor = shoppers.get(random.nextInt(shoppers.size()));
            var at = now.minusSeconds(random.nextInt(3600));
            var product = "sku-" + random.nextInt(2_000);
            var roll = random.nextInt(100);
            String type;
            String properties;
            if (roll < 70) {
                type = "product_viewed";
                properties = "{\"productId\":\"" + product + "\",\"name\":\"Товар " + product + "\",\"category\":\"cat-"
                        + random.nextInt(20) + "\",\"price\":" + (500 + random.nextInt(20_000)) + "}";
            } else if (roll < 85) {
                type = "cart_updated";
                properties = "{\"items\":[{\"productId\":\"" + product + "\",\"price\":1990,\"quantity\":" + (1 + random.nextInt(3)) + "}]}";
            } else if (roll < 95) {
                type = "search";
                properties = "{\"query\":\"платье " + random.nextInt(100) + "\"}";
            } else {
                type = "order_placed";
                properties = "{\"orderId\":\"" + UUID.randomUUID() + "\",\"total\":" + (1000 + random.nextInt(50_000)) + "}";
            }
            events.add("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at
                    + "\",\"customer\":{\"visitorId\":\"" + visitor + "\"},\"properties\":" + properties + "}");
        }
        return "{\"events\":[" + String.join(",", events) + "]}";
    }
}
