package io.beseda.customer.segment;

import org.junit.jupiter.api.Test;

import io.beseda.customer.CustomerId;

import static java.time.Duration.ofDays;
import static org.assertj.core.api.Assertions.assertThat;

/** The three shopper types over the last 30 days, exactly as {@code ShopperType} defines them. */
class ShopperTypeTests extends RuleMatchingTest {

    @Test
    void sortsAShopsCustomersIntoDecidedBrowsersAndHesitant() {
        var quickBuyer = history.customer("Быстро купила");
        history.viewed(quickBuyer, "p1", "Платья", ofDays(2)).viewed(quickBuyer, "p2", "Платья", ofDays(2))
                .ordered(quickBuyer, "4990", ofDays(2));
        var bigBuyer = history.customer("Два заказа, десять товаров");
        viewMany(bigBuyer, 10, 5);
        history.ordered(bigBuyer, "4990", ofDays(5)).ordered(bigBuyer, "2990", ofDays(9));
        var comparer = history.customer("Долго сравнивал и купил");
        viewMany(comparer, 8, 4);
        history.ordered(comparer, "4990", ofDays(3));
        var browser = history.customer("Смотрит всё подряд");
        viewMany(browser, 6, 7);
        var glance = history.customer("Заглянул");
        viewMany(glance, 2, 1);
        var checkout = history.customer("Начала оформлять");
        viewMany(checkout, 6, 7);
        history.checkoutStarted(checkout, ofDays(5));
        var cart = history.customer("Положил в корзину");
        history.cart(cart, "1500", ofDays(3));
        var repeat = history.customer("Возвращается к товару");
        history.viewed(repeat, "p9", "Куртки", ofDays(1)).viewed(repeat, "p9", "Куртки", ofDays(4))
                .viewed(repeat, "p9", "Куртки", ofDays(12));
        var cancelled = history.customer("Отменил заказ");
        history.checkoutStarted(cancelled, ofDays(3)).ordered(cancelled, "990", ofDays(3), "cancelled");
        var oldCart = history.customer("Старая корзина");
        history.cart(oldCart, "1500", ofDays(40));
        var oldBuyer = history.customer("Покупал давно");
        history.ordered(oldBuyer, "1500", ofDays(45));

        assertThat(matching("{\"shopper\": \"decided\"}")).containsExactlyInAnyOrder(quickBuyer, bigBuyer);
        assertThat(matching("{\"shopper\": \"browser\"}")).containsExactly(browser);
        assertThat(matching("{\"shopper\": \"hesitant\"}")).containsExactlyInAnyOrder(checkout, cart, repeat, cancelled);
    }

    @Test
    void onlyTheLastThirtyDaysCount() {
        var formerBrowser = history.customer("Смотрел месяц назад");
        viewMany(formerBrowser, 6, 31);
        var formerBuyer = history.customer("Купил месяц назад");
        history.viewed(formerBuyer, "p1", "Платья", ofDays(31)).ordered(formerBuyer, "4990", ofDays(31));

        assertThat(matching("{\"any\": [{\"shopper\": \"decided\"}, {\"shopper\": \"browser\"}, {\"shopper\": \"hesitant\"}]}"))
                .isEmpty();
    }

    /** Views {@code products} different products, {@code daysAgo} days ago. */
    private void viewMany(CustomerId customer, int products, int daysAgo) {
        for (int i = 0; i < products; i++) {
            history.viewed(customer, "p" + i, "Разное", ofDays(daysAgo));
        }
    }
}
