package io.beseda.customer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.beseda.customer.CustomerHistory.TimelineEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** How events, amounts and counts read to an operator. */
class TimelineTextTests {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private final TimelineText texts = new TimelineText(messages());

    @Test
    void writesAmountsTheWayRussianShopsDo() {
        assertThat(Money.format(new BigDecimal("4590"), "RUB")).isEqualTo("4\u00A0590\u00A0₽");
        assertThat(Money.format(new BigDecimal("1299.50"), "RUB")).isEqualTo("1\u00A0299,50\u00A0₽");
        assertThat(Money.format(new BigDecimal("12.00"), "USD")).isEqualTo("12\u00A0USD");
    }

    @Test
    void countsGoodsWithRussianPlurals() {
        assertThat(List.of(1, 2, 5, 11, 12, 21, 22, 25, 111, 104).stream().map(n -> texts.items(n, RU)).toList())
                .containsExactly("1 товар", "2 товара", "5 товаров", "11 товаров", "12 товаров", "21 товар", "22 товара",
                        "25 товаров", "111 товаров", "104 товара");
        assertThat(texts.items(1, Locale.ENGLISH)).isEqualTo("1 item");
        assertThat(texts.items(3, Locale.ENGLISH)).isEqualTo("3 items");
    }

    @Test
    void describesEachKindOfEvent() {
        assertThat(describe("product_viewed", Map.of("productId", "p-1", "name", "Кеды"))).isEqualTo("Просмотр товара «Кеды»");
        assertThat(describe("product_viewed", Map.of("productId", "p-1"))).isEqualTo("Просмотр товара «p-1»");
        assertThat(describe("cart_updated", Map.of("items", List.of(Map.of("name", "Кеды", "price", 1000, "quantity", 2),
                Map.of("name", "Шарф", "price", 2590)))))
                .as("the total is summed when the shop did not send it").isEqualTo("Корзина обновлена: 3 товара на 4\u00A0590\u00A0₽");
        assertThat(describe("cart_updated", Map.of("items", List.of()))).isEqualTo("Корзина очищена");
        assertThat(describe("order_placed", Map.of("orderId", "1042"))).isEqualTo("Заказ № 1042 оформлен");
        assertThat(describe("order_status_changed", Map.of("orderId", "1042", "status", "delivered")))
                .isEqualTo("Статус заказа № 1042: доставлен");
        assertThat(describe("order_status_changed", Map.of("orderId", "1042", "status", "at_pickup_point")))
                .as("a status we have no word for is shown as sent").isEqualTo("Статус заказа № 1042: at_pickup_point");
        assertThat(describe("search", Map.of("query", "{0} «кеды»"))).isEqualTo("Поиск: «{0} «кеды»»");
        assertThat(describe("loyalty_joined", Map.of())).isEqualTo("Событие «loyalty_joined»");
    }

    @Test
    void speaksEnglish() {
        var entry = new TimelineEntry("e", "order_placed", false, Instant.now(), Map.of("orderId", "7", "total", 100));

        assertThat(texts.describe(entry, Locale.ENGLISH)).isEqualTo("Order No. 7 placed for 100\u00A0₽");
    }

    private String describe(String type, Map<String, Object> properties) {
        var custom = !List.of("product_viewed", "cart_updated", "order_placed", "order_status_changed", "search").contains(type);
        return texts.describe(new TimelineEntry("e", type, custom, Instant.now(), properties), RU);
    }

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "i18n/customer");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
