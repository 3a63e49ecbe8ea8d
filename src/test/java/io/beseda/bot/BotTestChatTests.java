package io.beseda.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.bot.nlu.IntentModels;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;

/** The console's test chat runs the real dialogue without sending or storing anything; the metrics count real turns. */
@BesedaTest
class BotTestChatTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    BotTestChat testChat;
    @Autowired
    BotSettings settings;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    BotMetrics metrics;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_test_chat_greets_reads_and_carries_the_return_flow_without_storing_anything() {
        var ws = workspaces.create("Тестовый чат").workspace().id();
        var chat = new BotTestChat.Chat();
        var first = testChat.say(ws, chat, "хочу вернуть куртку, порвался шов", null);
        assertThat(first.said()).hasSize(2);
        assertThat(first.said().getFirst().text()).contains("Здравствуйте");
        assertThat(first.said().get(1).text()).contains("фото");
        assertThat(first.intent()).isEqualTo("returns");
        assertThat(first.ranking()).hasSize(3).first().extracting(BotTestChat.Guess::intent).isEqualTo("returns");

        var second = testChat.say(ws, chat, "оператор", null);
        assertThat(second.handOffReason()).isEqualTo("ASKED");
        assertThat(second.handOffNote()).contains("клиент попросил оператора").contains("порвался шов");
        assertThat(jdbc.sql("select count(*) from bot_session where workspace_id = ?").param(ws.value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from bot_turn where workspace_id = ?").param(ws.value()).query(Long.class).single()).isZero();
    }

    @Test
    void a_question_no_intent_covers_is_answered_from_the_knowledge_base_and_the_shops_own_texts_are_used() {
        var ws = workspaces.create("База знаний").workspace().id();
        settings.save(ws, true, IntentModels.DEFAULT_THRESHOLD, Map.of("thanks", "Рады помочь, заходите ещё!"));
        knowledge.save(ws, java.util.UUID.randomUUID(), "Есть ли подарочная упаковка?", "Да, упакуем за 150 ₽.");
        var chat = new BotTestChat.Chat();
        testChat.say(ws, chat, "привет", null);
        var turn = testChat.say(ws, chat, "а подарочную упаковку сделаете?", null);
        assertThat(turn.said()).extracting(BotTestChat.Line::text).contains("Да, упакуем за 150 ₽.");
        assertThat(turn.outcome()).isEqualTo("KNOWLEDGE");
        assertThat(testChat.say(ws, chat, "спасибо", null).said()).extracting(BotTestChat.Line::text).containsExactly("Рады помочь, заходите ещё!");
    }

    @Test
    void the_shops_own_entry_beats_the_general_text_when_it_plainly_is_the_question() {
        var ws = workspaces.create("Примерка").workspace().id();
        knowledge.save(ws, java.util.UUID.randomUUID(), "Можно ли примерить одежду перед оплатой?",
                "Да, курьер ждёт 15 минут, пока вы примеряете.");
        var chat = new BotTestChat.Chat();
        testChat.say(ws, chat, "привет", null);
        var fitting = testChat.say(ws, chat, "можно примерить перед оплатой?", null);
        assertThat(fitting.outcome()).isEqualTo("KNOWLEDGE");
        assertThat(fitting.said()).extracting(BotTestChat.Line::text).containsExactly("Да, курьер ждёт 15 минут, пока вы примеряете.");
        var payment = testChat.say(ws, chat, "какие способы оплаты у вас есть", null);
        assertThat(payment.intent()).isEqualTo("payment");
        assertThat(payment.said()).extracting(BotTestChat.Line::text).singleElement().asString().contains("картой на сайте");
    }

    @Test
    void a_messengers_start_command_is_a_greeting_with_the_buttons() {
        var ws = workspaces.create("Старт").workspace().id();
        var turn = testChat.say(ws, new BotTestChat.Chat(), "/start", null);
        assertThat(turn.intent()).isEqualTo("greeting");
        assertThat(turn.said()).singleElement().satisfies(line -> {
            assertThat(line.text()).contains("Здравствуйте");
            assertThat(line.buttons()).isNotEmpty();
        });
        assertThat(testChat.say(ws, new BotTestChat.Chat(), "/start@shop_bot promo2026", null).intent()).isEqualTo("greeting");
    }

    @Test
    void the_knowledge_base_stays_silent_when_an_entry_covers_little_of_the_question() {
        var ws = workspaces.create("Молчаливая база").workspace().id();
        knowledge.save(ws, java.util.UUID.randomUUID(), "Есть ли подарочная упаковка?", "Да, упакуем за 150 ₽.");
        assertThat(knowledge.answer(ws, "подарочная упаковка для телевизора и холодильника в кредит без переплаты")).isEmpty();
        assertThat(knowledge.answer(ws, "подарочная упаковка есть?")).isPresent();
        assertThat(knowledge.answer(ws, "")).isEmpty();
    }

    @Test
    void metrics_count_sessions_hand_offs_by_reason_and_fallbacks_per_intent() {
        var ws = workspaces.create("Метрики").workspace().id();
        var empty = metrics.report(ws, Instant.now().minus(Duration.ofDays(1)), Instant.now().plusSeconds(60));
        assertThat(empty.sessions()).isZero();
        assertThat(empty.containment()).isNull();
        assertThat(empty.fallbackRate()).isNull();
    }
}
