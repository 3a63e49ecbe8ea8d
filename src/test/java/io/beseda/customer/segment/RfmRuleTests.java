package io.beseda.customer.segment;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.beseda.customer.CustomerId;

import static java.time.Duration.ofDays;
import static org.assertj.core.api.Assertions.assertThat;

/** RFM scores from the thresholds of {@code RfmScale}, one customer per level. */
class RfmRuleTests extends RuleMatchingTest {

    CustomerId r5f1m1;
    CustomerId r4f2m2;
    CustomerId r3f3m3;
    CustomerId r2f4m4;
    CustomerId r1f5m5;
    CustomerId lapsed;

    @BeforeEach
    void customersAtEveryLevel() {
        r5f1m1 = buyer("Новичок", 10, 1, "2000");
        r4f2m2 = buyer("Второй заказ", 45, 2, "1500");
        r3f3m3 = buyer("Средний", 100, 3, "3333.34");
        r2f4m4 = buyer("Остывающий", 200, 5, "4000");
        r1f5m5 = buyer("Бывший лучший", 300, 10, "5000");
        lapsed = buyer("Больше года назад", 400, 1, "90000");
        history.customer("Никогда не покупал");
        var cancelledOnly = history.customer("Только отмены");
        history.ordered(cancelledOnly, "5000", ofDays(5), "cancelled");
    }

    /** {@code orders} orders of {@code total} each, the newest {@code daysAgo} days ago, a day apart. */
    private CustomerId buyer(String name, int daysAgo, int orders, String total) {
        var customer = history.customer(name);
        for (int i = 0; i < orders; i++) {
            history.ordered(customer, total, ofDays(daysAgo + i).plus(Duration.ofHours(1)));
        }
        return customer;
    }

    private String score(String letter, int from, int to) {
        return "{\"rfm\": {\"" + letter + "\": [" + from + ", " + to + "]}}";
    }

    @Test
    void recencyScoresDaysSinceTheLastOrder() {
        assertThat(matching(score("r", 5, 5))).containsExactly(r5f1m1);
        assertThat(matching(score("r", 4, 4))).containsExactly(r4f2m2);
        assertThat(matching(score("r", 3, 3))).containsExactly(r3f3m3);
        assertThat(matching(score("r", 2, 2))).containsExactly(r2f4m4);
        assertThat(matching(score("r", 1, 1))).containsExactlyInAnyOrder(r1f5m5, lapsed);
    }

    @Test
    void frequencyScoresOrdersOfTheLastYear() {
        assertThat(matching(score("f", 1, 1))).containsExactlyInAnyOrder(r5f1m1, lapsed);
        assertThat(matching(score("f", 2, 2))).containsExactly(r4f2m2);
        assertThat(matching(score("f", 3, 3))).containsExactly(r3f3m3);
        assertThat(matching(score("f", 4, 4))).containsExactly(r2f4m4);
        assertThat(matching(score("f", 5, 5))).containsExactly(r1f5m5);
    }

    @Test
    void monetaryScoresWhatTheLastYearsOrdersCame() {
        assertThat(matching(score("m", 1, 1))).containsExactlyInAnyOrder(r5f1m1, lapsed);
        assertThat(matching(score("m", 2, 2))).containsExactly(r4f2m2);
        assertThat(matching(score("m", 3, 3))).containsExactly(r3f3m3);
        assertThat(matching(score("m", 4, 4))).containsExactly(r2f4m4);
        assertThat(matching(score("m", 5, 5))).containsExactly(r1f5m5);
    }

    @Test
    void bucketsCombineScoresAndLeaveOutWhoeverNeverBought() {
        assertThat(matching("{\"rfm\": {\"r\": [4, 5], \"f\": [2, 5]}}")).containsExactly(r4f2m2);
        assertThat(matching("{\"rfm\": {\"r\": [1, 2], \"f\": [2, 5]}}")).as("the built-in «Уходящие»")
                .containsExactlyInAnyOrder(r2f4m4, r1f5m5);
        assertThat(matching(score("r", 1, 5))).as("everyone with a real order")
                .containsExactlyInAnyOrder(r5f1m1, r4f2m2, r3f3m3, r2f4m4, r1f5m5, lapsed);
    }
}
