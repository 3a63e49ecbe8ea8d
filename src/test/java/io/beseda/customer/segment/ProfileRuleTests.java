package io.beseda.customer.segment;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules on what the profile says, including custom attributes typed by the workspace's definitions. */
class ProfileRuleTests extends RuleMatchingTest {

    @Test
    void comparesCustomAttributesAsTheirTypeSays() {
        history.defineAttribute("tier", "STRING").defineAttribute("bonus", "NUMBER")
                .defineAttribute("vip", "BOOLEAN").defineAttribute("joined", "DATE");
        var gold = history.customer("Золотой");
        history.attributes(gold, "{\"tier\": \"Gold\", \"bonus\": 1500, \"vip\": true, \"joined\": \"2024-03-01\"}");
        var silver = history.customer("Серебряный");
        history.attributes(silver, "{\"tier\": \"silver 100%\", \"bonus\": 99.5, \"vip\": false, \"joined\": \"2025-11-20\"}");
        var blank = history.customer("Без атрибутов");

        assertThat(matching("{\"attribute\": {\"key\": \"tier\", \"op\": \"eq\", \"value\": \"GOLD\"}}")).containsExactly(gold);
        assertThat(matching("{\"attribute\": {\"key\": \"tier\", \"op\": \"ne\", \"value\": \"gold\"}}"))
                .as("ne needs a value to differ").containsExactly(silver);
        assertThat(matching("{\"attribute\": {\"key\": \"tier\", \"op\": \"contains\", \"value\": \"0%\"}}"))
                .as("% is a character, not a wildcard").containsExactly(silver);
        assertThat(matching("{\"attribute\": {\"key\": \"bonus\", \"op\": \"gt\", \"value\": 100}}")).containsExactly(gold);
        assertThat(matching("{\"attribute\": {\"key\": \"vip\", \"op\": \"eq\", \"value\": false}}")).containsExactly(silver);
        assertThat(matching("{\"attribute\": {\"key\": \"joined\", \"op\": \"lt\", \"value\": \"2025-01-01\"}}"))
                .containsExactly(gold);
        assertThat(matching("{\"attribute\": {\"key\": \"bonus\", \"op\": \"exists\"}}")).containsExactlyInAnyOrder(gold, silver);
        assertThat(matching("{\"not\": {\"attribute\": {\"key\": \"bonus\", \"op\": \"exists\"}}}")).containsExactly(blank);
    }

    @Test
    void aStoredValueOfTheWrongTypeNeverMatchesAndNeverBreaksTheQuery() {
        history.defineAttribute("bonus", "NUMBER").defineAttribute("joined", "DATE");
        var odd = history.customer("Странный");
        history.attributes(odd, "{\"bonus\": \"много\", \"joined\": \"2025-13-45\"}");
        var fine = history.customer("Обычный");
        history.attributes(fine, "{\"bonus\": 10, \"joined\": \"2025-01-02\"}");

        assertThat(matching("{\"attribute\": {\"key\": \"bonus\", \"op\": \"gte\", \"value\": 0}}")).containsExactly(fine);
        assertThat(matching("{\"attribute\": {\"key\": \"joined\", \"op\": \"gt\", \"value\": \"2024-12-31\"}}"))
                .as("text comparison of ISO dates never casts").containsExactlyInAnyOrder(odd, fine);
    }

    @Test
    void hostileTextInARuleIsAValueAndNothingMore() {
        history.defineAttribute("tier", "STRING");
        var odd = history.customer("Хитрый");
        history.attributes(odd, "{\"tier\": \"x'); drop table customer; --\"}");
        history.customer("Обычный");

        assertThat(matching("{\"attribute\": {\"key\": \"tier\", \"op\": \"eq\", \"value\": \"x'); drop table customer; --\"}}"))
                .containsExactly(odd);
        assertThat(jdbc.sql("select count(*) from customer where workspace_id = ?").param(workspace.value())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void matchesCityGenderAndBirthdayMonth() {
        var kazan = history.customer("Айгуль");
        history.profile(kazan, "Казань", "FEMALE", LocalDate.of(1990, 3, 8));
        var moscow = history.customer("Иван");
        history.profile(moscow, "Москва", "MALE", LocalDate.of(1985, 12, 1));
        var unknown = history.customer("Аноним");

        assertThat(matching("{\"city\": {\"op\": \"eq\", \"value\": \"казань\"}}")).containsExactly(kazan);
        assertThat(matching("{\"city\": {\"op\": \"contains\", \"value\": \"моск\"}}")).containsExactly(moscow);
        assertThat(matching("{\"not\": {\"city\": {\"op\": \"eq\", \"value\": \"Казань\"}}}"))
                .as("no city is not Kazan either").containsExactlyInAnyOrder(moscow, unknown);
        assertThat(matching("{\"gender\": {\"op\": \"eq\", \"value\": \"FEMALE\"}}")).containsExactly(kazan);
        assertThat(matching("{\"gender\": {\"op\": \"exists\"}}")).containsExactlyInAnyOrder(kazan, moscow);
        assertThat(matching("{\"birthdayMonth\": {\"op\": \"eq\", \"value\": 3}}")).containsExactly(kazan);
        assertThat(matching("{\"birthdayMonth\": {\"op\": \"gte\", \"value\": 6}}")).containsExactly(moscow);
    }

    @Test
    void combinesConditionsWithAllAnyAndNot() {
        var kazanBuyer = history.customer("Покупатель из Казани");
        history.profile(kazanBuyer, "Казань", "FEMALE", LocalDate.of(1990, 3, 8))
                .ordered(kazanBuyer, "1000", Duration.ofDays(3));
        var kazanVisitor = history.customer("Гость из Казани");
        history.profile(kazanVisitor, "Казань", "MALE", LocalDate.of(1991, 4, 9));
        var moscowBuyer = history.customer("Покупатель из Москвы");
        history.profile(moscowBuyer, "Москва", "MALE", LocalDate.of(1992, 5, 10))
                .ordered(moscowBuyer, "1000", Duration.ofDays(3));

        assertThat(matching("""
                {"all": [{"city": {"op": "eq", "value": "Казань"}},
                         {"any": [{"orders": {"op": "gte", "count": 1, "days": 7}}, {"gender": {"op": "eq", "value": "MALE"}}]},
                         {"not": {"birthdayMonth": {"op": "eq", "value": 4}}}]}"""))
                .containsExactly(kazanBuyer);
    }
}
