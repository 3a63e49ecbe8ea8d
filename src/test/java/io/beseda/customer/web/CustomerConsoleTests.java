package io.beseda.customer.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.customer.Customer;
import io.beseda.customer.CustomerId;
import io.beseda.customer.CustomerProfiles;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer pages of the console over real HTTP, as a browser without script sees them. */
@BesedaTest
class CustomerConsoleTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    CustomerProfiles profiles;

    @Autowired
    JdbcClient jdbc;

    private Tenant tenant;
    private Http console;

    @BeforeEach
    void signedIn() {
        tenant = workspaces.create("Консоль покупателей");
        console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);
    }

    @Test
    void findsACustomerByPhoneDigitsWrittenAnotherWay() {
        var anna = customer("Анна Смирнова", Identity.phone("+7 916 555-12-34"));
        customer("Борис Петров", Identity.phone("+7 926 000-00-01"));

        var page = console.get("/customers?q=" + encode("8 (916) 555 12 34"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-customer=\"" + anna + "\"", "Анна Смирнова", "+7 916 555-12-34")
                .doesNotContain("Борис Петров");
    }

    @Test
    void filtersByCityAndFlagsAnInvalidPhone() {
        var odd = customer("Кира Странная", Identity.phone("12-34"));
        profiles.change(ws(), odd, new CustomerProfiles.Change(null, null, null, "Тверь", null, null));
        customer("Иван Другой", Identity.phone("+7 916 555-00-02"));

        var page = console.get("/customers?city=" + encode("Тверь"));

        assertThat(page.body()).contains("Кира Странная", "неверный номер", "<option value=\"Тверь\" selected=\"selected\">Тверь</option>")
                .doesNotContain("Иван Другой");
        assertThat(page.body()).contains("href=\"/customers/segments\"");
    }

    @Test
    void showsTheProfileWithIdentitiesCartOrdersAndTimeline() {
        var id = customer("Ольга Морозова", Identity.phone("+7 916 555-77-88"), Identity.of(IdentityKind.TELEGRAM, "42424242"));
        post(events("""
                {"id": "v1", "type": "product_viewed", "occurredAt": "2026-11-20T10:00:00Z", "customer": {"phone": "+79165557788"},
                 "properties": {"productId": "p-1", "name": "Кеды белые", "price": 3290}},
                {"id": "c1", "type": "cart_updated", "occurredAt": "2026-11-20T10:05:00Z", "customer": {"phone": "+79165557788"},
                 "properties": {"items": [{"productId": "p-1", "name": "Кеды белые", "price": 1530, "quantity": 3}], "total": 4590}},
                {"id": "o1", "type": "order_placed", "occurredAt": "2026-11-19T10:00:00Z", "customer": {"phone": "+79165557788"},
                 "properties": {"orderId": "1042", "total": 2990}},
                {"id": "o1s", "type": "order_status_changed", "occurredAt": "2026-11-19T12:00:00Z", "customer": {"phone": "+79165557788"},
                 "properties": {"orderId": "1042", "status": "shipped"}},
                {"id": "s1", "type": "search", "occurredAt": "2026-11-20T09:00:00Z", "customer": {"phone": "+79165557788"},
                 "properties": {"query": "кеды"}},
                {"id": "x1", "type": "wishlist_added", "occurredAt": "2026-11-20T09:30:00Z", "customer": {"phone": "+79165557788"},
                 "properties": {"productId": "p-9"}}"""));

        var page = console.get("/customers/" + id).body();

        assertThat(page).contains("Ольга Морозова", "+7 916 555-77-88", "Телефон", "Telegram", "42424242");
        assertThat(page).contains("Корзина обновлена: 3 товара на 4\u00A0590\u00A0₽", "Итого 4\u00A0590\u00A0₽");
        assertThat(page).contains("Просмотр товара «Кеды белые»", "Поиск: «кеды»", "Заказ № 1042 оформлен на 2\u00A0990\u00A0₽",
                "Статус заказа № 1042: отправлен", "Событие «wishlist_added»", "productId: p-9");
        assertThat(page.indexOf("Корзина обновлена")).as("newest first").isLessThan(page.indexOf("Поиск: «кеды»"));
        assertThat(page).contains("20.11.2026 15:05").as("times in the workspace's zone, Yekaterinburg");
    }

    @Test
    void showsWhichProfilesWereMergedAndTheShopsOwnAttributes() {
        var shopper = customer("Вера Кузнецова", Identity.phone("+7 916 555-21-21"));
        var chatter = customers.resolve(ws(), List.of(Identity.of(IdentityKind.TELEGRAM, "777000")), Instant.parse("2026-11-21T08:00:00Z"))
                .orElseThrow();
        customers.resolve(ws(), List.of(Identity.of(IdentityKind.TELEGRAM, "777000"), Identity.phone("8 916 555 21 21")), Instant.now());
        profiles.define(ws(), new CustomerProfiles.AttributeDefinition("loyalty_card", CustomerProfiles.AttributeType.STRING, "Карта лояльности"));
        profiles.change(ws(), shopper, new CustomerProfiles.Change(null, null, null, null, null, Map.of("loyalty_card", "Золотая")));

        var page = console.get("/customers/" + shopper).body();

        assertThat(page).contains("Объединён с профилем " + chatter.toString().substring(0, 8)
                + " по PHONE:+79165552121, TELEGRAM:777000", "Карта лояльности", "Золотая");
        var merged = console.get("/customers/" + chatter);
        assertThat(merged.statusCode()).isEqualTo(302);
        assertThat(Http.location(merged)).endsWith("/customers/" + shopper);
    }

    @Test
    void loadsOlderTimelineEntriesWithoutSkippingOnesAtTheSameInstant() {
        var id = customer("Листающий", Identity.phone("+7 916 555-33-44"));
        var events = new StringBuilder();
        for (int i = 0; i < 35; i++) {
            var minute = i < 25 ? i : 25; // the last ten happened at one instant, across the page boundary
            events.append(i == 0 ? "" : ",").append("""
                    {"id": "e-%02d", "type": "search", "occurredAt": "2026-11-20T10:%02d:00Z", "customer": {"phone": "+79165553344"},
                     "properties": {"query": "запрос %02d"}}""".formatted(i, minute, i));
        }
        post(events(events.toString()));

        var first = console.get("/customers/" + id).body();
        var more = Pattern.compile("hx-get=\"(/customers/[^\"]+/timeline\\?[^\"]+)\"").matcher(first);
        assertThat(more.find()).isTrue();
        var older = console.get(more.group(1).replace("&amp;", "&")).body();

        var shown = Pattern.compile("data-event=\"(e-\\d+)\"").matcher(first + older).results().map(m -> m.group(1)).toList();
        assertThat(shown).hasSize(35).doesNotHaveDuplicates();
        assertThat(older).doesNotContain("<html").doesNotContain("hx-get");
    }

    @Test
    void anotherWorkspacesCustomerIsNotFound() {
        var other = workspaces.create("Чужой магазин");
        var stranger = customers.resolve(other.workspace().id(), List.of(Identity.phone("+7 916 555-99-99")), Instant.now()).orElseThrow();

        assertThat(console.get("/customers/" + stranger).statusCode()).isEqualTo(404);
        assertThat(console.get("/customers/not-a-uuid").statusCode()).isEqualTo(404);
        assertThat(console.submit("/customers", "/customers/" + stranger + "/profile", Map.of("name", "Взлом")).statusCode()).isEqualTo(404);
        assertThat(customers.get(other.workspace().id(), stranger).name()).isNull();
    }

    @Test
    void anErasedCustomerShowsNothingPersonal() {
        var id = customer("Удалённая Покупательница", Identity.phone("+7 916 555-66-77"));
        jdbc.sql("update customer set erased_at = now() where workspace_id = ? and id = ?").params(ws().value(), id.value()).update();

        var page = console.get("/customers/" + id).body();

        assertThat(page).contains("Данные удалены по запросу").doesNotContain("Удалённая Покупательница", "555-66-77", "79165556677");
    }

    @Test
    void savesTheProfileFormAndSaysSo() {
        var id = customer(null, Identity.phone("+7 916 555-44-55"));

        var saved = console.submit("/customers/" + id, "/customers/" + id + "/profile", Map.of("name", "Мария Лебедева",
                "city", "Казань", "birthday", "1990-05-17", "gender", "FEMALE", "timeZone", "Europe/Moscow"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(Http.location(saved)).endsWith("/customers/" + id + "#profile-form");
        assertThat(console.get("/customers/" + id).body()).contains("Профиль сохранён.", "Мария Лебедева", "17.05.1990", "Казань");
        var customer = customers.get(ws(), id);
        assertThat(customer.birthday()).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(customer.gender()).isEqualTo(Customer.Gender.FEMALE);
        assertThat(customer.timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void refusesAnUnknownTimeZoneInRussian() {
        var id = customer("Пётр", Identity.phone("+7 916 555-44-66"));

        console.submit("/customers/" + id, "/customers/" + id + "/profile", Map.of("timeZone", "Mars/Olympus"));

        assertThat(console.get("/customers/" + id).body()).contains("Неизвестный часовой пояс.");
        assertThat(customers.get(ws(), id).timeZone()).isNull();
    }

    @Test
    void speaksEnglishWhenAsked() {
        var id = customer("Anna", Identity.phone("+7 916 555-44-77"));

        assertThat(console.get("/customers?lang=en").body()).contains("<h1>Customers</h1>", "Name, phone or e-mail");
        assertThat(console.get("/customers/" + id).body()).contains("Timeline", "How we recognise this customer");
    }

    private CustomerId customer(String name, Identity... identities) {
        var id = customers.resolve(ws(), List.of(identities), Instant.parse("2026-11-20T08:00:00Z")).orElseThrow();
        if (name != null) {
            profiles.change(ws(), id, new CustomerProfiles.Change(name, null, null, null, null, null));
        }
        return id;
    }

    private void post(String body) {
        var response = Http.api(port).call("POST", "/api/v1/events", tenant.apiKey(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"rejected\":[]");
    }

    private static String events(String events) {
        return "{\"events\": [" + events + "]}";
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private io.beseda.workspace.WorkspaceId ws() {
        return tenant.workspace().id();
    }
}
