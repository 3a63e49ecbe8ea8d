package io.beseda.customer.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.beseda.customer.demo.DemoCatalogue.Product;
import io.beseda.customer.demo.DemoPeople.Person;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a made-up shopper did over the last 60 days, as the storefront events a shop would send: visits
 * in their own daytime, categories, searches, product views, carts (some left behind) and orders that
 * go new → paid → shipped → delivered, or get cancelled.
 */
final class DemoHistory {

    static final int DAYS = 60;
    private static final List<String> REFERRERS = List.of("https://yandex.ru/", "https://www.google.com/",
            "https://vk.com/", "https://e.mail.ru/", "");
    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private final Random random;
    private final Instant now;
    private int events;
    private int orders;

    DemoHistory(Random random, Instant now) {
        this.random = random;
        this.now = now;
    }

    List<ObjectNode> of(Person person) {
        var history = new ArrayList<ObjectNode>();
        var cart = new LinkedHashMap<String, Integer>();
        for (var start : sessionStarts(person)) {
            new Visit(person, start, history, cart).run();
        }
        return history;
    }

    private List<Instant> sessionStarts(Person person) {
        var starts = new ArrayList<Instant>();
        var sessions = 1 + random.nextInt(5);
        var today = now.atZone(person.city().zone()).toLocalDate();
        for (int i = 0; i < sessions; i++) {
            var day = today.minusDays(random.nextInt(DAYS));
            var start = day.atTime(LocalTime.of(8 + random.nextInt(15), random.nextInt(60)))
                    .atZone(person.city().zone()).toInstant();
            starts.add(start.isAfter(now.minus(Duration.ofHours(1))) ? now.minus(Duration.ofHours(2 + i)) : start);
        }
        starts.sort(Comparator.naturalOrder());
        return starts;
    }

    /** One visit to the site: it looks around, may fill the cart, may order. */
    private final class Visit {

        private final Person person;
        private final List<ObjectNode> history;
        private final Map<String, Integer> cart;
        private Instant at;

        Visit(Person person, Instant start, List<ObjectNode> history, Map<String, Integer> cart) {
            this.person = person;
            this.at = start;
            this.history = history;
            this.cart = cart;
        }

        void run() {
            emit("session_started", nodes.objectNode().put("url", "https://demo-shop.example/")
                    .put("referrer", REFERRERS.get(random.nextInt(REFERRERS.size()))));
            if (random.nextInt(100) < 40) {
                emit("category_viewed", nodes.objectNode().put("category", person.favouriteCategory()));
            }
            if (random.nextInt(100) < 35) {
                emit("search", nodes.objectNode().put("query", DemoCatalogue.SEARCHES.get(random.nextInt(DemoCatalogue.SEARCHES.size()))));
            }
            var viewed = new ArrayList<Product>();
            for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                var product = DemoCatalogue.product(random, person.favouriteCategory());
                viewed.add(product);
                emit("product_viewed", productNode(product));
            }
            if (random.nextInt(100) < 45) {
                viewed.stream().limit(1 + random.nextInt(3)).forEach(p -> cart.merge(p.id(), 1 + random.nextInt(2), Integer::sum));
                emit("cart_updated", cartNode());
            }
            if (!cart.isEmpty() && random.nextInt(100) < 55) {
                order();
            }
        }

        private static final List<String[]> COURIERS = List.of(new String[] {"Сергей", "+7 916 000-11-22"},
                new String[] {"Алина", "+7 925 000-33-44"}, new String[] {"Тимур", "+7 903 000-55-66"});

        private void order() {
            var orderId = "DM-" + (10_001 + orders++);
            emit("checkout_started", cartNode());
            var placed = cartNode().put("orderId", orderId).put("status", "new");
            emit("order_placed", placed);
            cart.clear();
            var statusAt = at;
            var path = random.nextInt(100) < 8 ? List.of("cancelled") : List.of("paid", "shipped", "delivered");
            for (var status : path) {
                statusAt = statusAt.plus(status.equals("paid") ? Duration.ofMinutes(5 + random.nextInt(60))
                        : Duration.ofHours(20 + random.nextInt(80)));
                if (statusAt.isAfter(now)) {
                    return;
                }
                var change = nodes.objectNode().put("orderId", orderId).put("status", status);
                if (status.equals("shipped")) {
                    // a courier for answers to «где мой заказ»
                    var courier = COURIERS.get(random.nextInt(COURIERS.size()));
                    change.put("courierName", courier[0]).put("courierPhone", courier[1])
                            .put("expectedAt", statusAt.plus(Duration.ofDays(1)).toString().substring(0, 10));
                }
                history.add(event("order_status_changed", statusAt, change));
            }
        }

        private ObjectNode cartNode() {
            ArrayNode items = nodes.arrayNode();
            var total = 0;
            for (var line : cart.entrySet()) {
                var product = DemoCatalogue.PRODUCTS.stream().filter(p -> p.id().equals(line.getKey())).findFirst().orElseThrow();
                items.add(productNode(product).put("quantity", line.getValue()));
                total += product.price() * line.getValue();
            }
            return nodes.objectNode().put("total", total).put("currency", "RUB").set("items", items);
        }

        private void emit(String type, ObjectNode properties) {
            at = at.plus(Duration.ofSeconds(30 + random.nextInt(300)));
            history.add(event(type, at, properties));
        }

        private ObjectNode event(String type, Instant occurredAt, ObjectNode properties) {
            var customer = nodes.objectNode().put("visitorId", person.visitorId()).put("phone", person.phone())
                    .put("email", person.email());
            if (person.telegramId() != null) {
                customer.put("telegramId", person.telegramId());
            }
            if (person.whatsappId() != null) {
                customer.put("whatsappId", person.whatsappId());
            }
            var event = nodes.objectNode().put("id", "demo-" + (++events)).put("type", type)
                    .put("occurredAt", occurredAt.toString());
            event.set("customer", customer);
            event.set("properties", properties);
            return event;
        }
    }

    private static ObjectNode productNode(Product product) {
        return nodes.objectNode().put("productId", product.id()).put("name", product.name())
                .put("category", product.category()).put("price", product.price());
    }
}
