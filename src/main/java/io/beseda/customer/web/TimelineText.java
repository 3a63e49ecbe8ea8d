package io.beseda.customer.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerHistory.TimelineEntry;

/**
 * Says what a storefront event was in the operator's words: «Просмотр товара «Кеды»», «Корзина
 * обновлена: 3 товара на 4 590 ₽», «Заказ № 1042 оформлен». Custom events are named by their type.
 * The result is plain text; templates print it with th:text, since every part came from a shop's page.
 */
@Component
class TimelineText {

    private final MessageSource messages;

    TimelineText(MessageSource messages) {
        this.messages = messages;
    }

    String describe(TimelineEntry entry, Locale locale) {
        var p = entry.properties();
        return switch (entry.type()) {
            case "product_viewed" -> text(locale, "timeline.product_viewed", firstOf(p, "name", "productId"));
            case "category_viewed" -> text(locale, "timeline.category_viewed", firstOf(p, "category"));
            case "search" -> text(locale, "timeline.search", firstOf(p, "query"));
            case "cart_updated" -> cart(p, locale);
            case "checkout_started" -> withTotal(locale, "timeline.checkout_started", p);
            case "order_placed" -> withTotal(locale, "timeline.order_placed", p, firstOf(p, "orderId"));
            case "order_status_changed" -> text(locale, "timeline.order_status_changed", firstOf(p, "orderId"),
                    orderStatus(firstOf(p, "status"), locale));
            case "session_started" -> text(locale, "timeline.session_started");
            default -> messages.getMessage("timeline.type." + entry.type(), null,
                    text(locale, "timeline.custom", entry.type()), locale);
        };
    }

    String orderStatus(String status, Locale locale) {
        return messages.getMessage("order.status." + status, null, status, locale);
    }

    String items(long count, Locale locale) {
        return text(locale, "customers.items." + Plural.category(count, locale), count);
    }

    private String cart(Map<String, Object> p, Locale locale) {
        var items = p.get("items") instanceof List<?> list ? list : List.of();
        if (items.isEmpty()) {
            return text(locale, "timeline.cart_emptied");
        }
        long count = items.stream().mapToLong(TimelineText::quantity).sum();
        var total = amount(p.get("total"));
        if (total == null) {
            total = items.stream().map(i -> i instanceof Map<?, ?> m ? price(m) : BigDecimal.ZERO)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return text(locale, "timeline.cart_updated", items(count, locale), Money.format(total, currency(p)));
    }

    private String withTotal(Locale locale, String key, Map<String, Object> p, Object... args) {
        var total = amount(p.get("total"));
        if (total == null || total.signum() == 0) {
            return text(locale, key, args);
        }
        var withTotal = Arrays.copyOf(args, args.length + 1);
        withTotal[args.length] = Money.format(total, currency(p));
        return text(locale, key + ".total", withTotal);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String firstOf(Map<String, Object> p, String... keys) {
        for (var key : keys) {
            var value = p.get(key);
            if (value != null && !String.valueOf(value).isBlank()) {
                return String.valueOf(value);
            }
        }
        return "—";
    }

    private static long quantity(Object item) {
        if (item instanceof Map<?, ?> m && m.get("quantity") instanceof Number n) {
            return Math.max(n.longValue(), 0);
        }
        return 1;
    }

    private static BigDecimal price(Map<?, ?> item) {
        var price = amount(item.get("price"));
        return price == null ? BigDecimal.ZERO : price.multiply(BigDecimal.valueOf(quantity(item)));
    }

    static @Nullable BigDecimal amount(@Nullable Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.replace(',', '.').replace(" ", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String currency(Map<String, Object> p) {
        return p.get("currency") instanceof String c && c.matches("[A-Z]{3}") ? c : "RUB";
    }
}
