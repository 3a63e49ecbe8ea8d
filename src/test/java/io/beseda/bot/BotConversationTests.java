package io.beseda.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.bot.nlu.IntentModels;
import io.beseda.catalog.CatalogImport;
import io.beseda.catalog.Stores;
import io.beseda.channel.Attachment;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.consent.Channel;
import io.beseda.conversation.Conversation;
import io.beseda.conversation.ConversationMessage;
import io.beseda.conversation.ConversationStatus;
import io.beseda.conversation.Conversations;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

/**
 * The bot in a shop with the demo catalogue, stores and a shipped order: customers write in Telegram, the
 * bot answers in their thread, and hands over to operators with a note when it should.
 */
@BesedaTest
class BotConversationTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    BotSettings settings;
    @Autowired
    CatalogImport catalog;
    @Autowired
    Stores stores;
    @Autowired
    InboundMessages inbound;
    @Autowired
    Conversations conversations;
    @Autowired
    ReturnRequests returns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BotMetrics metrics;
    @Autowired
    io.beseda.conversation.Teams teams;
    @Autowired
    io.beseda.conversation.InboxSettings inboxSettings;
    @Autowired
    io.beseda.conversation.Inboxes inboxes;
    @Autowired
    io.beseda.conversation.Operators operators;
    @Autowired
    io.beseda.catalog.LoyaltyCards cards;
    @LocalServerPort
    int port;

    static TestWorkspaces.@Nullable Tenant shop;

    @BeforeEach
    void shop() throws IOException {
        if (shop != null) {
            return;
        }
        var tenant = workspaces.create("Бот-магазин");
        var ws = tenant.workspace().id();
        settings.save(ws, true, IntentModels.DEFAULT_THRESHOLD, Map.of());
        try (var feed = new ClassPathResource("demo/catalog.yml").getInputStream()) {
            catalog.importYml(ws, feed, "test");
        }
        stores.save(ws, "msk-1", new Stores.Details("Магазин на Тверской", "Москва", "ул. Тверская, 12", 55.76, 37.61, "ежедневно 10–22", null));
        stores.save(ws, "ekb-1", new Stores.Details("Магазин на Вайнера", "Екатеринбург", "ул. Вайнера, 9", 56.84, 60.60, "ежедневно 10–21", null));
        var events = """
                {"events": [
                 {"id": "o1", "type": "order_placed", "occurredAt": "2026-11-19T10:00:00Z", "customer": {"phone": "+79165557788"},
                  "properties": {"orderId": "DM-10023", "total": 5990}},
                 {"id": "o2", "type": "order_status_changed", "occurredAt": "2026-11-20T12:00:00Z", "customer": {"phone": "+79165557788"},
                  "properties": {"orderId": "DM-10023", "status": "shipped", "courierName": "Сергей", "courierPhone": "+7 916 000-11-22",
                                 "expectedAt": "2026-11-24"}}]}""";
        var response = Http.api(port).call("POST", "/api/v1/events", tenant.apiKey(), events);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        shop = tenant;
    }

    @Test
    void where_is_my_order_with_a_bare_number_tells_the_status_and_the_courier() {
        var chat = new Chat("order");
        var thread = chat.write("где мой заказ 10023");
        var said = chat.botSaid(thread, 2);
        assertThat(said.getFirst()).contains("Здравствуйте").contains("оператор");
        assertThat(said.get(1)).contains("DM-10023").contains("передан в доставку").contains("Сергей").contains("+7 916 000-11-22")
                .contains("24 ноября");
        assertThat(conversations.get(ws(), thread.id()).status()).isEqualTo(ConversationStatus.PENDING);
    }

    @Test
    void a_return_asks_for_a_photo_then_opens_a_request_and_lands_with_an_operator_with_a_note() {
        var chat = new Chat("return");
        var thread = chat.write("хочу вернуть куртку, порвался шов");
        assertThat(chat.botSaid(thread, 2).get(1)).contains("фото");
        assertThat(conversations.get(ws(), thread.id()).status()).isEqualTo(ConversationStatus.PENDING);

        chat.send("", List.of(new Attachment("https://files.example/shov.jpg", "image/jpeg", 120_000, "shov.jpg")), null);
        openedForOperators(thread);
        var note = noteIn(thread);
        assertThat(note.text()).contains("возврат").contains("порвался шов").contains("Заявка на возврат №").contains("фото: 1");
        var request = returns.list(ws(), 10).stream().filter(r -> r.conversationId().equals(thread.id())).findFirst().orElseThrow();
        assertThat(request.reason()).contains("порвался шов");
        assertThat(request.photos()).extracting(Attachment::url).containsExactly("https://files.example/shov.jpg");
        assertThat(chat.botSaid(thread, 3).get(2)).contains("№ " + request.number()).doesNotContain("{number}");
        // the customer now waits for a person: the SLA clock runs
        assertThat(conversations.get(ws(), thread.id()).waitingSince()).isNotNull();
    }

    @Test
    void an_inexpensive_accessory_for_a_dress_is_found_in_the_catalogue_with_prices_and_links() {
        var chat = new Chat("products");
        var thread = chat.write("подберите недорогой аксессуар к платью");
        var answer = chat.botSaid(thread, 2).get(1);
        assertThat(answer).contains("₽").contains("http://localhost:8080/demo/shop/product.html?id=");
        assertThat(answer).containsPattern("(?iu)(ремен|сумк|шарф|платок|серьг|брош|клатч|очк|колье|браслет)");
    }

    @Test
    void the_customer_can_ask_for_a_person_at_any_time() {
        var chat = new Chat("human");
        var thread = chat.write("сколько стоит доставка");
        chat.botSaid(thread, 2);
        chat.write("оператор");
        openedForOperators(thread);
        var note = noteIn(thread);
        assertThat(note.text()).contains("клиент попросил оператора").contains("delivery");
    }

    @Test
    void after_two_misunderstandings_the_bot_offers_an_operator_and_the_button_hands_over() {
        var chat = new Chat("confused");
        var thread = chat.write("фыва олдж прол");
        assertThat(chat.botSaid(thread, 2).get(1)).contains("не понял");
        chat.write("йцук енгш щзхъ");
        assertThat(chat.botSaid(thread, 3).get(2)).contains("Позвать оператора");
        assertThat(conversations.get(ws(), thread.id()).status()).isEqualTo(ConversationStatus.PENDING);
        chat.send("Позвать оператора", List.of(), "bot:operator");
        openedForOperators(thread);
    }

    @Test
    void stickers_voice_notes_emoji_and_walls_of_text_get_an_answer_and_never_break_the_conversation() {
        var chat = new Chat("odd");
        var thread = chat.write("🙂🙂🙂");
        chat.botSaid(thread, 2);
        chat.send("", List.of(new Attachment("https://files.example/voice.ogg", "audio/ogg", 9_000, null)), null);
        assertThat(chat.botSaid(thread, 3).get(2)).contains("текст");
        chat.write("где мой заказ 10023 " + "а".repeat(10_000));
        assertThat(chat.botSaid(thread, 4).get(3)).contains("DM-10023");
        chat.write("Где my заказ 10023 плиз");
        assertThat(chat.botSaid(thread, 5).get(4)).contains("DM-10023");
        chat.write("");
        assertThat(chat.botSaid(thread, 6).get(5)).contains("текст");
        chat.send("", List.of(new Attachment("https://files.example/sticker.webp", "image/webp", 20_000, "sticker.webp")), null);
        assertThat(chat.botSaid(thread, 7).get(6)).contains("текст");
        assertThat(conversations.get(ws(), thread.id()).status()).isEqualTo(ConversationStatus.PENDING);
    }

    @Test
    void stores_by_the_city_the_customer_names_when_asked_back() {
        var chat = new Chat("stores");
        var thread = chat.write("где ближайший магазин?");
        assertThat(chat.botSaid(thread, 2).get(1)).contains("В каком вы городе");
        chat.write("в Екатеринбурге");
        assertThat(chat.botSaid(thread, 3).get(2)).contains("Вайнера").doesNotContain("Тверская");
    }

    @Test
    void metrics_count_the_hand_off_by_its_reason_and_the_turn_by_its_intent() {
        var chat = new Chat("metrics");
        var thread = chat.write("позовите оператора пожалуйста");
        openedForOperators(thread);
        var report = metrics.report(ws(), Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(60));
        assertThat(report.handOffReasons()).containsKey("ASKED");
        assertThat(report.sessions()).isGreaterThanOrEqualTo(report.handedOff()).isPositive();
        assertThat(report.intents()).anySatisfy(line -> {
            assertThat(line.intent()).isEqualTo(Intent.OPERATOR);
            assertThat(line.handedOff()).isPositive();
        });
        assertThat(report.containment()).isBetween(0.0, 1.0);
    }

    @Test
    void a_shared_location_finds_the_nearest_store() {
        var chat = new Chat("location");
        chat.write("привет");
        var thread = chat.thread();
        chat.botSaid(thread, 1);
        inbound.receive(ws(), new InboundMessage(Channel.TELEGRAM, UUID.randomUUID().toString(), chat.identity, null, "", List.of(),
                null, new InboundMessage.Location(56.83, 60.59, null), null, Instant.now()));
        assertThat(chat.botSaid(thread, 2).get(1)).contains("Ближайший").contains("Вайнера").doesNotContain("Тверская");
    }

    @Test
    void a_hand_off_goes_through_normal_assignment_to_an_online_operator() {
        var tenant = workspaces.create("Бот и команда");
        var ws = tenant.workspace().id();
        settings.save(ws, true, IntentModels.DEFAULT_THRESHOLD, Map.of());
        var admin = io.beseda.workspace.Actor.system(ws, "test");
        var team = teams.create(admin, new io.beseda.conversation.TeamSettings("Поддержка", io.beseda.conversation.AssignmentMode.ROUND_ROBIN, 30, 30));
        var inbox = inboxSettings.get(ws, inboxes.defaultInbox(ws));
        inboxSettings.update(admin, inbox.id(), new io.beseda.conversation.InboxChange(inbox.name(), team.id(), inbox.timeZone(),
                inbox.businessHours(), inbox.outOfOfficeText()));
        var operator = workspaces.addUser(tenant, io.beseda.workspace.Role.OPERATOR);
        operators.setAvailability(admin, operator.id(), io.beseda.conversation.OperatorStatus.ONLINE);
        teams.addMember(admin, team.id(), operator.id());

        var identity = Identity.of(IdentityKind.TELEGRAM, "team-" + tenant.unique());
        inbound.receive(ws, new InboundMessage(Channel.TELEGRAM, UUID.randomUUID().toString(), identity, null, "где мой заказ", List.of(),
                null, Instant.now()));
        var thread = await().atMost(Duration.ofSeconds(15)).until(() -> conversations.list(ws, null, 5), l -> !l.isEmpty()).getFirst();
        await().atMost(Duration.ofSeconds(15)).until(() -> conversations.messages(ws, thread.id()).size() >= 3);
        assertThat(conversations.get(ws, thread.id()).assigneeId()).as("held by the bot, out of the queue").isNull();
        inbound.receive(ws, new InboundMessage(Channel.TELEGRAM, UUID.randomUUID().toString(), identity, null, "человек", List.of(),
                null, Instant.now()));
        await().atMost(Duration.ofSeconds(15)).until(() -> operator.id().value().equals(conversations.get(ws, thread.id()).assigneeId()));
        assertThat(conversations.get(ws, thread.id()).status()).isEqualTo(ConversationStatus.OPEN);
    }

    @Test
    void an_operator_who_answers_a_held_conversation_takes_it_and_the_bot_stops() {
        var chat = new Chat("takeover");
        var thread = chat.write("сколько стоит доставка в казань");
        chat.botSaid(thread, 2);
        conversations.reply(new io.beseda.workspace.Actor(ws(), io.beseda.workspace.Actor.Kind.USER, shop.owner().id().value(), "Анна",
                io.beseda.workspace.Role.OWNER), thread.id(), "Здравствуйте, это Анна, помогу с доставкой");
        assertThat(conversations.get(ws(), thread.id()).status()).isEqualTo(ConversationStatus.OPEN);
        chat.write("спасибо, а за сколько дней?");
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(chat.botSaid(thread, 3)).hasSize(3).last().isEqualTo("Здравствуйте, это Анна, помогу с доставкой");
    }

    @Test
    void the_loyalty_card_holder_activates_a_new_card_and_replaces_a_lost_one() {
        cards.issue(ws(), "770000000042", "Серебро", new java.math.BigDecimal("350"));
        var chat = new Chat("card");
        var thread = chat.write("хочу активировать бонусную карту 7700 0000 0042");
        assertThat(chat.botSaid(thread, 2).get(1)).contains("770000000042").contains("активирована").contains("350");
        chat.write("я потерял карту");
        var answer = chat.botSaid(thread, 3).get(2);
        assertThat(answer).contains("770000000042 заблокирована").contains("350 баллов");
        var customer = conversations.get(ws(), thread.id()).customer();
        assertThat(cards.of(ws(), customer)).filteredOn(c -> c.status() == io.beseda.catalog.LoyaltyCard.Status.ACTIVE).singleElement()
                .satisfies(card -> assertThat(answer).contains(card.number()));
    }

    @Test
    void a_workspace_without_the_bot_gets_open_conversations_as_before() {
        var other = workspaces.create("Без бота");
        var identity = Identity.of(IdentityKind.TELEGRAM, "nobot-" + other.unique());
        inbound.receive(other.workspace().id(), new InboundMessage(Channel.TELEGRAM, UUID.randomUUID().toString(), identity, null,
                "где мой заказ", List.of(), null, Instant.now()));
        var thread = await().atMost(Duration.ofSeconds(10)).until(() -> conversations.list(other.workspace().id(), null, 5), l -> !l.isEmpty())
                .getFirst();
        assertThat(thread.status()).isEqualTo(ConversationStatus.OPEN);
    }

    private void openedForOperators(Conversation thread) {
        await().atMost(Duration.ofSeconds(15)).until(() -> conversations.get(ws(), thread.id()).status() == ConversationStatus.OPEN);
    }

    /** The private note the bot left for the operator. */
    private ConversationMessage noteIn(Conversation thread) {
        return conversations.messages(ws(), thread.id()).stream().filter(m -> m.direction() == ConversationMessage.Direction.NOTE)
                .findFirst().orElseThrow();
    }

    private WorkspaceId ws() {
        return shop.workspace().id();
    }

    /** One Telegram customer of the shop. */
    private final class Chat {

        final Identity identity;

        Chat(String who) {
            identity = Identity.of(IdentityKind.TELEGRAM, who + "-" + UUID.randomUUID());
        }

        Conversation write(String text) {
            send(text, List.of(), null);
            return await().atMost(Duration.ofSeconds(15)).until(this::thread, t -> t != null);
        }

        void send(String text, List<Attachment> attachments, @Nullable String button) {
            inbound.receive(ws(), new InboundMessage(Channel.TELEGRAM, UUID.randomUUID().toString(), identity, null, text, attachments,
                    button, Instant.now()));
        }

        @Nullable Conversation thread() {
            return conversations.list(ws(), null, 1000).stream()
                    .filter(c -> jdbc.sql("select exists (select 1 from customer_identity where customer_id = ? and value = ?)")
                            .params(c.customer().value(), identity.value()).query(Boolean.class).single())
                    .findFirst().orElse(null);
        }

        /** What the bot has said in the thread, once it has said at least {@code count} things. */
        List<String> botSaid(Conversation thread, int count) {
            return await().atMost(Duration.ofSeconds(15)).until(() -> conversations.messages(ws(), thread.id()).stream()
                    .filter(m -> m.direction() == ConversationMessage.Direction.OUT).map(ConversationMessage::text).toList(),
                    said -> said.size() >= count);
        }
    }
}
