package io.beseda.journey.template;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.customer.Customer;
import io.beseda.customer.CustomerHistory;
import io.beseda.customer.Customers;
import io.beseda.workspace.Workspace;
import io.beseda.workspace.Workspaces;

/**
 * The variables of a journey's template for one customer (docs/journeys/templates.md). Only what the template
 * mentions is read: a push that says «{{ customer.first_name }}, вы забыли корзину» costs one query, not the
 * recommendations too.
 */
@Component
class TemplateData {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_]+");
    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("new", "оформлен"),
            Map.entry("paid", "оплачен"),
            Map.entry("confirmed", "подтверждён"),
            Map.entry("assembled", "собран"),
            Map.entry("shipped", "передан в доставку"),
            Map.entry("handed_to_courier", "передан курьеру"),
            Map.entry("courier", "передан курьеру"),
            Map.entry("ready_for_pickup", "ждёт вас в пункте выдачи"),
            Map.entry("delivered", "доставлен"),
            Map.entry("cancelled", "отменён"),
            Map.entry("canceled", "отменён"),
            Map.entry("returned", "возвращён"));

    private final Customers customers;
    private final CustomerHistory history;
    private final CartContents carts;
    private final Recommendations recommendations;
    private final CartLinks links;
    private final ShopPages pages;
    private final Workspaces workspaces;

    TemplateData(Customers customers, CustomerHistory history, CartContents carts, Recommendations recommendations,
                 CartLinks links, ShopPages pages, Workspaces workspaces) {
        this.customers = customers;
        this.history = history;
        this.carts = carts;
        this.recommendations = recommendations;
        this.links = links;
        this.pages = pages;
        this.workspaces = workspaces;
    }

    Map<String, Object> of(RenderFacts facts, @Nullable String... sources) {
        var named = mentioned(sources);
        var workspace = workspaces.find(facts.workspace()).orElseThrow();
        var customer = customers.get(facts.workspace(), facts.customer());
        var zone = customer.timeZoneOr(workspace.timeZone());
        var variables = new HashMap<String, Object>();
        variables.put(LiquidTemplates.ZONE, zone);
        variables.put("customer", customer(customer));
        if (named.contains("shop")) {
            variables.put("shop", shop(workspace));
        }
        if (named.contains("coupon") && facts.coupon() != null) {
            variables.put("coupon", Map.of("code", facts.coupon().code(), "discount", facts.coupon().discount(),
                    "valid_until", facts.coupon().validUntil().atZone(zone)));
        }
        if (named.contains("order")) {
            var order = order(facts);
            if (order != null) {
                variables.put("order", order(order, zone));
            }
        }
        if (named.contains("cart") || named.contains("recommendations")) {
            var cart = carts.of(facts.workspace(), facts.customer());
            if (named.contains("cart")) {
                variables.put("cart", cart(cart, links.url(new CartLinks.Target(facts.workspace(), facts.customer(),
                        facts.runId(), facts.stepId()))));
            }
            if (named.contains("recommendations")) {
                variables.put("recommendations", recommendations.beside(facts.workspace(), facts.customer(), cart).stream()
                        .map(offer -> nonNull("id", offer.id(), "name", offer.name(), "price", offer.price(),
                                "old_price", offer.oldPrice(), "currency", offer.currency(), "url", offer.url(),
                                "picture", Recommendations.picture(offer)))
                        .toList());
            }
        }
        return variables;
    }

    /** The top-level names a template could mean; a word in plain text only costs a query, never a wrong answer. */
    private static Set<String> mentioned(@Nullable String... sources) {
        return java.util.Arrays.stream(sources).filter(java.util.Objects::nonNull)
                .flatMap(source -> WORD.matcher(source).results().map(m -> m.group()))
                .collect(Collectors.toSet());
    }

    private static Map<String, Object> customer(Customer customer) {
        var values = new LinkedHashMap<String, Object>();
        customer.attributes().forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
            }
        });
        var name = customer.name() == null ? "" : customer.name().strip();
        values.put("name", name);
        values.put("first_name", name.isEmpty() ? "" : name.split("\\s+")[0]);
        values.put("email", customer.email() == null ? "" : customer.email());
        values.put("phone", customer.phone() == null ? "" : customer.phone());
        values.put("city", customer.city() == null ? "" : customer.city());
        values.put("attributes", customer.attributes());
        return values;
    }

    private Map<String, Object> shop(Workspace workspace) {
        var site = pages.of(workspace.id()).siteUrl();
        return Map.of("name", workspace.name(), "url", site == null ? "" : site);
    }

    private static Map<String, Object> cart(CartContents.Cart cart, String link) {
        List<Map<String, Object>> items = cart.items().stream()
                .map(item -> nonNull("id", item.id(), "name", item.name(), "price", item.price(), "quantity", item.quantity(),
                        "picture", item.picture(), "url", item.url()))
                .toList();
        return Map.of("items", items, "total", cart.total(), "count", cart.count(), "currency", cart.currency(), "link", link);
    }

    private CustomerHistory.@Nullable Order order(RenderFacts facts) {
        if (facts.orderId() != null) {
            var order = history.order(facts.workspace(), facts.orderId());
            if (order.isPresent() && history.placedBy(facts.workspace(), facts.orderId()).filter(facts.customer()::equals).isPresent()) {
                return order.get();
            }
        }
        return history.orders(facts.workspace(), facts.customer()).stream().findFirst().orElse(null);
    }

    private static Map<String, Object> order(CustomerHistory.Order order, ZoneId zone) {
        var delivery = order.delivery();
        var status = order.status() == null ? "" : order.status();
        return nonNull("id", order.orderId(), "status", status,
                "status_text", STATUSES.getOrDefault(status.toLowerCase(java.util.Locale.ROOT), status),
                "total", order.total(), "currency", order.currency(), "placed_at", order.placedAt().atZone(zone),
                "courier_name", delivery == null ? null : delivery.courierName(),
                "courier_phone", delivery == null ? null : delivery.courierPhone(),
                "tracking_url", delivery == null ? null : delivery.trackingUrl(),
                "expected_at", delivery == null ? null : delivery.expectedAt());
    }

    /** A map of the pairs whose value is there: a missing value renders empty and is falsy in {% if %}. */
    private static Map<String, Object> nonNull(@Nullable Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put(String.valueOf(pairs[i]), pairs[i + 1]);
            }
        }
        return map;
    }
}
