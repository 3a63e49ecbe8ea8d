package io.beseda.consent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StopWordsTests {

    @ParameterizedTest(name = "«{0}»")
    @ValueSource(strings = {"СТОП", "стоп", "Стоп", "  стоп  ", "Стоп!", "СТОП!!!", "стоп.", "«стоп»", "\"Stop\"", "STOP",
            "stop", "Stop?", "ОТПИСАТЬСЯ", "отписаться", "Отписаться…", "отписка", "ОТПИСКА!", "стоп 🙏", "\tстоп\n",
            "CTOП", "cтоп"})
    void recognisesARefusal(String text) {
        assertThat(StopWords.isStop(text)).isTrue();
    }

    @ParameterizedTest(name = "«{0}»")
    @ValueSource(strings = {"", "   ", "!!!", "не стоп", "стоп-кран", "стопка", "остановка", "stopper", "подписаться",
            "стоп стоп", "Когда доставка? стоп", "отпишите меня пожалуйста"})
    void leavesOrdinaryMessagesAlone(String text) {
        assertThat(StopWords.isStop(text)).isFalse();
    }
}
