package io.beseda.bench;

import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
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

public final class InboundProbe {
    public static void main(String[] args) throws Exception {
        int total = Integer.parseInt(args[0]);
        int visitors = Integer.parseInt(args[1]);
        var data = Files.createTempDirectory("beseda-probe");
        try (var app = new SpringApplicationBuilder(Beseda.class).run("--beseda.db.data-dir=" + data,
                "--server.port=0", "--beseda.demo.enabled=false", "--logging.level.root=WARN")) {
            var ws = app.getBean(Workspaces.class).create("probe", "Probe", ZoneId.of("Europe/Moscow")).id();
            var inbound = app.getBean(InboundMessages.class);
            var jdbc = app.getBean(JdbcClient.class);
            var next = new AtomicInteger();
            long start = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(8)) {
                for (int t = 0; t < 8; t++) {
                    pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
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
            jdbc.sql("select listener_id, count(*) c, count(completion_date) done from event_publication group by 1").query((r, n) -> r.getString(1) + " " + r.getLong(2) + " " + r.getLong(3)).list().forEach(System.out::println);
            System.out.printf("%n stored %d in %.1fs (%.0f/s); in threads after %.1fs (%.0f/s)%n", total, stored, total / stored, all, total / all);
        }
    }
}
