package io.beseda.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class EntitiesTests {

    @Test
    void order_numbers_as_people_write_them() {
        assertThat(Entities.of("где мой заказ 10023").orderNumber()).isEqualTo("10023");
        assertThat(Entities.of("заказ №DM-10023 не пришёл").orderNumber()).isEqualTo("DM-10023");
        assertThat(Entities.of("номер заказа: 4567, когда привезут?").orderNumber()).isEqualTo("4567");
        assertThat(Entities.of("куртка до 5000 рублей").orderNumber()).isNull();
        assertThat(Entities.of("есть 2000 р?").orderNumber()).isNull();
    }

    @Test
    void a_phone_is_not_an_order_number() {
        var entities = Entities.of("заказ на номер +7 912 345-67-89");
        assertThat(entities.phone()).isEqualTo("+79123456789");
        assertThat(entities.orderNumber()).isNull();
        assertThat(Entities.of("мой телефон 89123456789").phone()).isEqualTo("+79123456789");
    }

    @Test
    void prices_and_sizes_come_from_the_catalogues_reading() {
        var entities = Entities.of("платье 48 размера до 3000 рублей");
        assertThat(entities.maxPrice()).isEqualByComparingTo(new BigDecimal("3000"));
        assertThat(entities.size()).isEqualTo("48");
        assertThat(Entities.of("подберите недорогой аксессуар").cheap()).isTrue();
    }

    @Test
    void cities_in_any_case_and_their_everyday_names() {
        assertThat(Entities.of("есть магазин в Екатеринбурге?").city()).isEqualTo("Екатеринбург");
        assertThat(Entities.of("а в питере где вы").city()).isEqualTo("Санкт-Петербург");
        assertThat(Entities.of("СПб").city()).isEqualTo("Санкт-Петербург");
        assertThat(Entities.of("магазин в Нижнем Новгороде").city()).isEqualTo("Нижний Новгород");
        assertThat(Entities.of("в москве").city()).isEqualTo("Москва");
        assertThat(Entities.of("хочу нижнее бельё").city()).isNull();
    }
}
