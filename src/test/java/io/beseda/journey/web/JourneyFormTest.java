package io.beseda.journey.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.beseda.consent.Channel;
import io.beseda.journey.definition.ShippedJourneys;
import io.beseda.journey.definition.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The builder's form: shipped journeys survive the round trip; what cannot be read is said in Russian. */
class JourneyFormTest {

    @Test
    void theShippedJourneysComeBackUnchangedThroughTheForm() {
        for (var shipped : new io.beseda.journey.definition.JourneyDefinition[] {
                ShippedJourneys.abandonedCart(ShippedJourneys.CartPace.REAL), ShippedJourneys.orderStatus()}) {
            var posted = post(JourneyForm.of("Путь", shipped));

            assertThat(JourneyForm.read(posted).toDefinition()).isEqualTo(shipped);
        }
    }

    @Test
    void durationsAreReadAsMarketersWriteThem() {
        assertThat(DurationText.parse("30 мин")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationText.parse("1 ч 30 мин")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("3 дня")).isEqualTo(Duration.ofDays(3));
        assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("PT45M")).isEqualTo(Duration.ofMinutes(45));
        assertThat(DurationText.parse("15")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationText.parse(" ")).isNull();
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1 ч 30 мин");
        assertThat(DurationText.format(Duration.ofDays(3))).isEqualTo("3 д");
        assertThatThrownBy(() -> DurationText.parse("полчаса")).hasMessageContaining("«полчаса» — не срок");
        assertThatThrownBy(() -> DurationText.parse("2 ч потом")).hasMessageContaining("не срок");
    }

    @Test
    void stepsAreAddedMovedAndRemoved() {
        var form = JourneyForm.of("Путь", ShippedJourneys.orderStatus());

        form.apply("add:split");
        form.apply("up:4");
        form.apply("remove:0");

        assertThat(form.getSteps()).extracting(StepForm::id).containsExactly("status", "done", "split-1", "csat");
        assertThat(form.getSteps().get(2).type()).isEqualTo("split");
    }

    @Test
    void aSendWithoutATextSavesAndTheMissingTextIsAProblemNotAnError() {
        var posted = new HashMap<>(post(JourneyForm.of("Путь", JourneysConsoleController.blank())));
        posted.put("s0.channels", "push, sms");

        var send = (Step.Send) JourneyForm.read(posted).toDefinition().steps().getFirst();

        assertThat(send.channels()).containsExactly(Channel.PUSH, Channel.SMS);
        assertThat(send.messages()).isEmpty();
    }

    @Test
    void whatCannotBeReadNamesItsStep() {
        var posted = new HashMap<>(post(JourneyForm.of("Путь", JourneysConsoleController.blank())));
        posted.put("s0.channels", "PUSH, ГОЛУБИ");
        assertThatThrownBy(() -> JourneyForm.read(posted).toDefinition())
                .hasMessageStartingWith("Шаг «Первое сообщение»: нет канала «ГОЛУБИ»");

        posted.put("s0.channels", "PUSH");
        posted.put("cap", "много");
        assertThatThrownBy(() -> JourneyForm.read(posted).toDefinition()).hasMessageContaining("Лимит");
    }

    @Test
    void theModelsOwnRulesAreSaidInRussianWithTheirPart() {
        var blank = post(JourneyForm.of("Путь", JourneysConsoleController.blank()));
        assertThat(problem(blank, "cap", "0")).isEqualTo("Лимит: не меньше одного сообщения за срок больше нуля, например 3 за «1 д».");
        assertThat(problem(blank, "goal.window", "")).isEqualTo("Цель: укажите окно атрибуции, например «3 д».");
        assertThat(problem(blank, "trigger.idle", "10 д")).startsWith("Запуск: тишина после изменения корзины — от минуты до 7 дней");
        var withPeriod = new HashMap<>(blank);
        withPeriod.put("entry.kind", "ONCE_PER_PERIOD");
        assertThat(problem(withPeriod, "entry.period", "")).isEqualTo("Повторный вход: укажите срок, например «7 д».");

        var coupon = new HashMap<>(blank);
        coupon.putAll(Map.of("s1.type", "coupon", "s1.id", "coupon", "s1.name", "Купон", "s1.discount", "10 %", "s1.validFor", "3 д"));
        assertThat(problem(coupon, "s1.prefix", "КОРЗИНА")).startsWith("Шаг «Купон»: префикс купона — до 12 заглавных латинских букв");
        var branch = new HashMap<>(blank);
        branch.putAll(Map.of("s1.type", "branch", "s1.id", "check", "s1.name", "Крупная корзина?", "s1.cond.0.field", "cart.total",
                "s1.cond.0.op", "GREATER"));
        assertThat(problem(branch, "s1.cond.0.value", "")).isEqualTo("Шаг «Крупная корзина?»: у условия на «cart.total» нет значения.");
    }

    private static String problem(Map<String, String> posted, String field, String value) {
        var changed = new HashMap<>(posted);
        changed.put(field, value);
        try {
            JourneyForm.read(changed).toDefinition();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError(field + " = «" + value + "» was accepted");
    }

    @Test
    void splitVariantsWithAControlGroup() {
        var posted = new HashMap<>(post(JourneyForm.of("Путь", JourneysConsoleController.blank())));
        posted.put("s1.type", "split");
        posted.put("s1.id", "ab");
        posted.put("s1.name", "Тест");
        posted.put("s1.var.0.name", "A");
        posted.put("s1.var.0.percent", "50 %");
        posted.put("s1.var.0.next", "send-1");
        posted.put("s1.var.1.name", "Контроль");
        posted.put("s1.var.1.percent", "50");

        var split = (Step.Split) JourneyForm.read(posted).toDefinition().steps().get(1);

        assertThat(split.variants()).extracting(v -> v.name() + ":" + v.percent() + ":" + v.control())
                .containsExactly("A:50:false", "Контроль:50:true");
    }

    /** What a browser posts for the form: the journey's own fields and each step's as s<n>.<field>. */
    static Map<String, String> post(JourneyForm form) {
        var posted = new LinkedHashMap<>(form.getFields());
        for (var i = 0; i < form.getSteps().size(); i++) {
            var step = form.getSteps().get(i);
            posted.put("s" + i + ".type", step.type());
            for (var field : step.fields().entrySet()) {
                posted.put("s" + i + "." + field.getKey(), field.getValue());
            }
        }
        return posted;
    }
}
