package io.beseda.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;

class ValidationTests {

    static JourneyDefinition journey(Step... steps) {
        return new JourneyDefinition(new Trigger.ApiCall(), List.of(steps), null, EntryRule.everyTime(), MessageCategory.SERVICE, 3,
                Duration.ofDays(1), Duration.ZERO);
    }

    static Step.Send sms(String id, String next) {
        return new Step.Send(id, "SMS " + id, List.of(Channel.SMS), Map.of(Channel.SMS, new Message(null, "Текст")), false, null, next);
    }

    @Test
    void theShippedJourneysAreValid() {
        assertThat(Validation.problems(ShippedJourneys.abandonedCart(ShippedJourneys.CartPace.REAL))).isEmpty();
        assertThat(Validation.problems(ShippedJourneys.orderStatus())).isEmpty();
    }

    @Test
    void aStepLeadingNowhereIsADeadEnd() {
        assertThat(Validation.problems(journey(sms("a", "missing"))))
                .containsExactly("Шаг «SMS a» ведёт в несуществующий шаг «missing».");
    }

    @Test
    void aStepNobodyReachesAndALoopAreReported() {
        var problems = Validation.problems(journey(sms("a", "c"), sms("b", null), new Step.Delay("c", "Пауза", Duration.ofHours(1), "a")));
        assertThat(problems).contains("До шага «SMS b» нельзя дойти: ни один шаг в него не ведёт.", "Шаг «SMS a» ведёт по кругу.");
    }

    @Test
    void aSendNeedsATextForEachOfItsChannels() {
        var send = new Step.Send("a", "Напоминание", List.of(Channel.SMS, Channel.EMAIL), Map.of(Channel.SMS, new Message(null, "Текст")),
                false, null, null);
        assertThat(Validation.problems(journey(send))).containsExactly("В отправке «Напоминание» нет текста для канала EMAIL.");
    }

    @Test
    void splitSharesAddUpToAHundred() {
        var split = new Step.Split("ab", "Тест", List.of(new Variant("A", 50, "a"), new Variant("B", 40, "a")));
        assertThat(Validation.problems(journey(split, sms("a", null))))
                .containsExactly("Доли вариантов в A/B-тесте «Тест» должны давать в сумме 100 %.");
    }

    @Test
    void recordsRefuseNonsenseAsTheyAreMade() {
        assertThatThrownBy(() -> new Trigger.CartAbandoned(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Condition("cart.total", Condition.Operator.GREATER, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CouponTerms("скидка", "10 %", Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JourneyDefinition(new Trigger.ApiCall(), List.of(), null, EntryRule.everyTime(), MessageCategory.REPLY,
                1, Duration.ofDays(1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
