package io.beseda.catalog.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.catalog.CatalogImport;
import io.beseda.catalog.LoyaltyCards;
import io.beseda.catalog.Promotion;
import io.beseda.catalog.Promotions;
import io.beseda.workspace.WorkspaceId;
import io.beseda.workspace.Workspaces;

/**
 * Gives «Демо-магазин» its catalogue the first time it starts: three stores in three cities, three
 * promotions, fifteen loyalty cards (numbers 770000000001–770000000015, not yet activated) and the shop's
 * YML feed ({@code demo/catalog.yml}: clothes, shoes, accessories, electronics and home goods, 273 offers in
 * sizes and colours, stock per store), imported the way a shop's own feed is.
 */
@Component
@Order(4)
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    record Store(String id, String name, String city, String address, double latitude, double longitude, String hours, String phone) {
    }

    static final List<Store> STORES = List.of(
            new Store("msk-1", "Демо-магазин на Тверской", "Москва", "ул. Тверская, 12", 55.7616, 37.6089,
                    "ежедневно 10:00–22:00", "+7 495 000-00-01"),
            new Store("spb-1", "Демо-магазин на Невском", "Санкт-Петербург", "Невский пр., 48", 59.9343, 30.3351,
                    "ежедневно 10:00–22:00", "+7 812 000-00-02"),
            new Store("ekb-1", "Демо-магазин в Екатеринбурге", "Екатеринбург", "ул. Вайнера, 9", 56.8366, 60.6035,
                    "пн–сб 10:00–21:00, вс 11:00–20:00", "+7 343 000-00-03"));

    private final Workspaces workspaces;
    private final CatalogImport imports;
    private final Promotions promotions;
    private final LoyaltyCards cards;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoCatalog(Workspaces workspaces, CatalogImport imports, Promotions promotions, LoyaltyCards cards, JdbcClient jdbc, Clock clock) {
        this.workspaces = workspaces;
        this.imports = imports;
        this.promotions = promotions;
        this.cards = cards;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        workspaces.findBySlug("demo").filter(w -> empty(w.id())).ifPresent(demo -> {
            stores(demo.id());
            programme(demo.id());
            try (var feed = new ClassPathResource("demo/catalog.yml").getInputStream()) {
                var report = imports.importYml(demo.id(), feed, "демо-каталог · demo/catalog.yml");
                log.info("Demo catalogue: {} offers in {} categories, {} refused", report.added(), report.categories(), report.refused());
            } catch (IOException e) {
                throw new UncheckedIOException("The demo catalogue is missing from the build", e);
            }
        });
    }

    /** Three promotions running now, and cards of the loyalty programme's three tiers (five not yet activated). */
    private void programme(WorkspaceId workspace) {
        var now = clock.instant();
        promotions.save(workspace, new Promotion("winter-outerwear", "−20 % на верхнюю одежду",
                "Скидка 20 % на куртки, пуховики и парки при покупке в магазине или на сайте; не суммируется с другими акциями.",
                now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(25)), null, "http://localhost:8080/demo/shop/"));
        promotions.save(workspace, new Promotion("second-accessory", "Второй аксессуар за полцены",
                "При покупке двух аксессуаров (шарфы, перчатки, шапки, сумки, украшения) второй — за полцены; скидка на более дешёвый.",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(14)), null, "http://localhost:8080/demo/shop/"));
        promotions.save(workspace, new Promotion("points-x2", "Двойные баллы на электронику",
                "Владельцам карты лояльности — двойные баллы за наушники, часы и колонки.",
                now, now.plus(Duration.ofDays(7)), null, "http://localhost:8080/demo/shop/"));
        var tiers = List.of("Базовый", "Серебряный", "Золотой");
        for (int i = 1; i <= 15; i++) {
            cards.issue(workspace, "7700%08d".formatted(i), tiers.get(i % 3), BigDecimal.valueOf(i * 170L));
        }
    }

    private boolean empty(WorkspaceId workspace) {
        return jdbc.sql("select not exists (select 1 from catalog_import where workspace_id = ?)").param(workspace.value())
                .query(Boolean.class).single();
    }

    private void stores(WorkspaceId workspace) {
        for (var store : STORES) {
            jdbc.sql("""
                    insert into catalog_store (workspace_id, id, name, city, address, latitude, longitude, hours, phone, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(workspace.value(), store.id(), store.name(), store.city(), store.address(), store.latitude(),
                            store.longitude(), store.hours(), store.phone(), Timestamp.from(clock.instant()))
                    .update();
        }
    }
}
