package io.beseda.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BesedaTest
class PromotionsAndLoyaltyTests {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Promotions promotions;

    @Autowired
    LoyaltyCards cards;

    @Autowired
    Customers customers;

    @Autowired
    io.beseda.customer.Segments segments;

    @Test
    void onlyWhatRunsNowIsCurrentAndASegmentsPromotionOnlyForItsMembers() {
        var shop = workspaces.create("Акции").workspace().id();
        var now = Instant.now();
        promotions.save(shop, new Promotion("winter", "−20 % на верхнюю одежду", "До конца месяца на все куртки и пуховики",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)), null, null));
        promotions.save(shop, new Promotion("past", "Чёрная пятница", "Прошла", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(20)),
                null, null));
        var abandoned = segments.list(shop).stream().filter(s -> "abandoned-cart".equals(s.builtInKey())).findFirst().orElseThrow();
        promotions.save(shop, new Promotion("vip", "Корзина ждёт", "Для тех, кто не дошёл до оплаты", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)), abandoned.id().value(), null));
        var elsewhere = workspaces.create("Чужие акции").workspace().id();
        assertThatThrownBy(() -> promotions.save(elsewhere, new Promotion("vip", "Чужой сегмент", "Нет", now, now.plusSeconds(60),
                abandoned.id().value(), null))).isInstanceOf(RuleViolationException.class);
        var customer = customers.resolve(shop, List.of(Identity.phone("+7 916 555-44-33")), now).orElseThrow();

        assertThat(promotions.current(shop, customer)).extracting(Promotion::id).containsExactly("winter");
        assertThat(promotions.current(shop, null)).extracting(Promotion::id).containsExactly("winter");
        assertThatThrownBy(() -> promotions.save(shop, new Promotion("bad", "Акция", "Условия", now, now.minusSeconds(1), null, null)))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aCardIsActivatedByItsHolderAndAReplacementCarriesTheBalance() {
        var shop = workspaces.create("Карты").workspace().id();
        var olga = customers.resolve(shop, List.of(Identity.phone("+7 916 555-44-34")), Instant.now()).orElseThrow();
        var ivan = customers.resolve(shop, List.of(Identity.phone("+7 916 555-44-35")), Instant.now()).orElseThrow();
        cards.issue(shop, "7700 0000 0042", "Серебряный", new BigDecimal("1250.00"));

        var active = cards.activate(shop, "7700-0000-0042", olga);
        assertThat(active.status()).isEqualTo(LoyaltyCard.Status.ACTIVE);
        assertThat(active.customer()).isEqualTo(olga);
        assertThat(cards.activate(shop, "770000000042", olga)).as("again: nothing changes").isEqualTo(active);
        assertThatThrownBy(() -> cards.activate(shop, "770000000042", ivan)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> cards.activate(shop, "1234", ivan)).isInstanceOf(NotFoundException.class);

        var fresh = cards.replace(shop, "770000000042");
        assertThat(fresh.number()).isNotEqualTo("770000000042").startsWith("77").hasSize(12);
        assertThat(fresh.balance()).isEqualByComparingTo("1250");
        assertThat(fresh.status()).isEqualTo(LoyaltyCard.Status.ACTIVE);
        assertThat(cards.of(shop, olga)).extracting(LoyaltyCard::status)
                .containsExactly(LoyaltyCard.Status.ACTIVE, LoyaltyCard.Status.REPLACED);
        assertThat(cards.find(shop, "770000000042").orElseThrow().balance()).isEqualByComparingTo("0");
    }
}
