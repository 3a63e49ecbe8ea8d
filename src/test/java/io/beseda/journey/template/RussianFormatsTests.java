package io.beseda.journey.template;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Money, counts and dates as a Russian customer reads them («~» is a non-breaking space). */
class RussianFormatsTests {

    private static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");

    @Test
    void moneyGroupsThousandsAndShowsKopecksOnlyWhenThereAreSome() {
        assertThat(nbsp(RussianFormats.money(new BigDecimal("4990.00"), null))).isEqualTo("4~990~₽");
        assertThat(nbsp(RussianFormats.money(1234567.5, "RUB"))).isEqualTo("1~234~567,50~₽");
        assertThat(nbsp(RussianFormats.money("990", "USD"))).isEqualTo("990~$");
        assertThat(nbsp(RussianFormats.money(0, "RUB"))).isEqualTo("0~₽");
        assertThat(nbsp(RussianFormats.money(-150, "EUR"))).isEqualTo("−150~€");
        assertThat(RussianFormats.money("много", "RUB")).isEmpty();
        assertThat(RussianFormats.money(Double.NaN, "RUB")).isEmpty();
        assertThat(RussianFormats.money(null, null)).isEmpty();
    }

    @Test
    void pluralPicksTheRussianFormForTheNumber() {
        assertThat(words(1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111, 0))
                .containsExactly("1~товар", "2~товара", "5~товаров", "11~товаров", "12~товаров", "14~товаров", "21~товар",
                        "22~товара", "25~товаров", "101~товар", "111~товаров", "0~товаров");
        assertThat(nbsp(RussianFormats.plural(new BigDecimal("1.5"), "килограмм", "килограмма", "килограммов"))).isEqualTo("1,5~килограмма");
        assertThat(RussianFormats.plural("нисколько", "товар", "товара", "товаров")).isEmpty();
    }

    @Test
    void datesAreInRussianInTheCustomersTimeZone() {
        var evening = Instant.parse("2026-11-30T18:59:00Z");
        assertThat(RussianFormats.date(evening, null, YEKATERINBURG)).isEqualTo("30 ноября 2026");
        assertThat(RussianFormats.date(evening, "%A, %e %B до %H:%M", YEKATERINBURG)).isEqualTo("понедельник, 30 ноября до 23:59");
        assertThat(RussianFormats.date(evening, "%d.%m.%y (%a)", ZoneId.of("Europe/Moscow"))).isEqualTo("30.11.26 (пн)");
        assertThat(RussianFormats.date("2026-03-08", "%e %B", YEKATERINBURG)).isEqualTo("8 марта");
        assertThat(RussianFormats.date("2026-05-01T12:00:00+03:00", "%e %B, %H:%M", YEKATERINBURG)).isEqualTo("1 мая, 14:00");
        assertThat(RussianFormats.date(LocalDate.of(2027, 1, 1), "%e %B %Y", YEKATERINBURG)).isEqualTo("1 января 2027");
        assertThat(RussianFormats.date("на днях", null, YEKATERINBURG)).isEmpty();
    }

    private static java.util.List<String> words(int... counts) {
        return java.util.Arrays.stream(counts).mapToObj(n -> nbsp(RussianFormats.plural(n, "товар", "товара", "товаров"))).toList();
    }

    private static String nbsp(String text) {
        return text.replace(RussianFormats.NBSP, '~');
    }
}
