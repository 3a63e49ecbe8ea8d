package io.beseda.customer.segment;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour rules, compiled and run against real histories in PostgreSQL at a fixed moment. */
class BehaviourRuleTests extends RuleMatchingTest {

    @Test
    void viewedThreeProductsOfOneCategoryInSevenDaysWithoutOrderingFindsExactlyTheRightCustomers() {
        var anna = history.customer("Анна");
        history.viewed(anna, "s1", "Обувь", ofDays(1)).viewed(anna, "s2", "Обувь", ofDays(3))
                .viewed(anna, "s3", "Обувь", ofDays(6));
        var boris = history.customer("Борис");
        history.viewed(boris, "s1", "Обувь", ofDays(1)).viewed(boris, "s2", "Обувь", ofDays(1))
                .viewed(boris, "s3", "Обувь", ofDays(1)).ordered(boris, "4990", ofDays(2));
        var vera = history.customer("Вера");
        history.viewed(vera, "s1", "Обувь", ofDays(1)).viewed(vera, "s2", "Обувь", ofDays(1))
                .viewed(vera, "b1", "Сумки", ofDays(1));
        var gleb = history.customer("Глеб");
        history.viewed(gleb, "s1", "Обувь", ofDays(1)).viewed(gleb, "s1", "Обувь", ofDays(2))
                .viewed(gleb, "s1", "Обувь", ofDays(3));
        var dasha = history.customer("Даша");
        history.viewed(dasha, "s1", "Обувь", ofDays(1)).viewed(dasha, "s2", "Обувь", ofDays(2))
                .viewed(dasha, "s3", "Обувь", ofDays(8));
        var egor = history.customer("Егор");
        history.viewed(egor, "b1", "Сумки", ofDays(1)).viewed(egor, "b2", "Сумки", ofDays(2))
                .viewed(egor, "b3", "Сумки", ofDays(2)).ordered(egor, "2990", ofDays(1), "cancelled")
                .ordered(egor, "990", ofDays(9));

        var found = matching("""
                {"all": [{"viewedCategory": {"products": 3, "days": 7}}, {"noOrder": {"days": 7}}]}""");

        assertThat(found).as("Анна, and Егор whose only recent order was cancelled").containsExactlyInAnyOrder(anna, egor);
    }

    @Test
    void aNamedCategoryIsMatchedIgnoringCase() {
        var anna = history.customer("Анна");
        history.viewed(anna, "s1", "ОБУВЬ", ofDays(1)).viewed(anna, "s2", "обувь", ofDays(2));
        var boris = history.customer("Борис");
        history.viewed(boris, "b1", "Сумки", ofDays(1)).viewed(boris, "b2", "Сумки", ofDays(2));

        assertThat(matching("{\"viewedCategory\": {\"products\": 2, \"days\": 7, \"category\": \"Обувь\"}}"))
                .containsExactly(anna);
    }

    @Test
    void countsOrdersPlacedInTheWindow() {
        var regular = history.customer("Постоянный");
        history.ordered(regular, "1000", ofDays(3)).ordered(regular, "1000", ofDays(20)).ordered(regular, "1000", ofDays(40));
        var once = history.customer("Разовый");
        history.ordered(once, "1000", ofDays(10)).ordered(once, "1000", ofDays(12), "CANCELLED");
        var never = history.customer("Без заказов");

        assertThat(matching("{\"orders\": {\"op\": \"gte\", \"count\": 2, \"days\": 30}}")).containsExactly(regular);
        assertThat(matching("{\"orders\": {\"op\": \"lte\", \"count\": 1, \"days\": 30}}"))
                .containsExactlyInAnyOrder(once, never);
        assertThat(matching("{\"noOrder\": {\"days\": 30}}")).containsExactly(never);
    }

    @Test
    void comparesTheCartValueCountingNoCartAsZero() {
        var big = history.customer("Большая корзина");
        history.cart(big, "7500.50", ofHours(1));
        var small = history.customer("Маленькая корзина");
        history.cart(small, "900", ofHours(1));
        var none = history.customer("Без корзины");

        assertThat(matching("{\"cart\": {\"op\": \"gt\", \"value\": 5000}}")).containsExactly(big);
        assertThat(matching("{\"cart\": {\"op\": \"lt\", \"value\": 1000}}")).containsExactlyInAnyOrder(small, none);
    }

    @Test
    void findsCustomersSeenWithinTheLastDays() {
        var recent = history.customer("Недавний");
        history.lastSeen(recent, ofDays(2));
        var gone = history.customer("Давний");
        history.lastSeen(gone, ofDays(20));

        assertThat(matching("{\"lastSeen\": {\"days\": 7}}")).containsExactly(recent);
        assertThat(matching("{\"not\": {\"lastSeen\": {\"days\": 7}}}")).containsExactly(gone);
    }

    @Test
    void anAbandonedCartIsAnUnpaidCartOlderThanTheGivenHours() {
        var abandoned = history.customer("Бросил");
        history.ordered(abandoned, "500", ofDays(5)).cart(abandoned, "3200", ofHours(3));
        var fresh = history.customer("Ещё выбирает");
        history.cart(fresh, "3200", ofMinutes(20));
        var bought = history.customer("Купил");
        history.cart(bought, "3200", ofHours(3)).ordered(bought, "3200", ofHours(2));
        var empty = history.customer("Пустая корзина");
        history.cart(empty, "0", ofHours(5));

        assertThat(matching("{\"abandonedCart\": {\"hours\": 1}}")).containsExactly(abandoned);
    }

    @Test
    void erasedAndMergedAwayCustomersNeverMatch() {
        var erased = history.customer("Стёртый");
        history.lastSeen(erased, ofDays(1)).erase(erased);
        var alive = history.customer("Живой");
        history.lastSeen(alive, Duration.ofDays(1));
        jdbc.sql("update customer set merged_into = ? where id = ?").params(alive.value(),
                history.customer("Слитый").value()).update();

        assertThat(matching("{\"lastSeen\": {\"days\": 7}}")).containsExactly(alive);
    }
}
