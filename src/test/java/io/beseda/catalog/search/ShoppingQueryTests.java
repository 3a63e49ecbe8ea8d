package io.beseda.catalog.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShoppingQueryTests {

    @Test
    void priceLimitsAsCustomersWriteThem() {
        assertThat(ShoppingQuery.parse("кроссовки до 2000 рублей").maxPrice()).isEqualByComparingTo("2000");
        assertThat(ShoppingQuery.parse("кроссовки до 2 000 ₽").maxPrice()).isEqualByComparingTo("2000");
        assertThat(ShoppingQuery.parse("часы не дороже 5 тыс").maxPrice()).isEqualByComparingTo("5000");
        assertThat(ShoppingQuery.parse("часы дешевле 10к").maxPrice()).isEqualByComparingTo("10000");
        var range = ShoppingQuery.parse("сумка от 1000 до 3000 р");
        assertThat(range.minPrice()).isEqualByComparingTo("1000");
        assertThat(range.maxPrice()).isEqualByComparingTo("3000");
        assertThat(range.words()).isEqualTo("сумка");
    }

    @Test
    void sizesColoursAndNewness() {
        assertThat(ShoppingQuery.parse("пуховик 48 размера").size()).isEqualTo("48");
        assertThat(ShoppingQuery.parse("размер XL футболка").size()).isEqualTo("xl");
        assertThat(ShoppingQuery.parse("есть худи XXL?").size()).isEqualTo("xxl");
        assertThat(ShoppingQuery.parse("куртка 3xl").size()).isEqualTo("3xl");
        assertThat(ShoppingQuery.parse("xlarge сумка").size()).isNull();
        assertThat(ShoppingQuery.parse("Чёрные кеды").colours()).containsExactly("черные");
        assertThat(ShoppingQuery.parse("последняя модель смартфона").newest()).isTrue();
        assertThat(ShoppingQuery.parse("недорогой аксессуар").cheap()).isTrue();
        assertThat(ShoppingQuery.parse("подберите мне, пожалуйста, шарф").words()).isEqualTo("шарф");
    }
}
