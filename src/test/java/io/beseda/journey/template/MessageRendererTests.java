package io.beseda.journey.template;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A journey's templates filled in with a real customer's profile, cart, order, coupon and recommendations. */
@BesedaTest
class MessageRendererTests {

    private static final char NBSP = '\u00A0';

    @LocalServerPort int port;
    @Autowired ShopWithACustomer shops;
    @Autowired MessageRenderer renderer;
    @Autowired Previews previews;
    @Autowired CartLinks links;
    @Autowired JdbcClient jdbc;

    ShopWithACustomer.Shop shop;

    @BeforeEach
    void aShopWithACustomerWhoLeftACart() {
        shop = shops.create(port);
    }

    @Test
    void fillsInTheCustomerTheirCartWithPicturesAndALinkTheCouponAndTheLatestOrder() {
        var coupon = new Coupon("CART-7KQ2M9XDAB", "10%", Instant.parse("2026-11-30T18:59:00Z"));
        var runId = UUID.randomUUID();
        var template = new ChannelTemplate("{{ customer.first_name }}, вы забыли {{ cart.count | plural: 'товар', 'товара', 'товаров' }}",
                """
                Здравствуйте, {{ customer.name }} из города {{ customer.city }}!
                {% for item in cart.items %}{{ item.name }} × {{ item.quantity }} — {{ item.price | money }} [{{ item.picture }}] {{ item.url }}
                {% endfor %}Итого: {{ cart.total | money: cart.currency }}. Вернуться: {{ cart.link }}
                Промокод {{ coupon.code }} на {{ coupon.discount }} до {{ coupon.valid_until | date: '%e %B, %H:%M' }}.
                Заказ {{ order.id }}: {{ order.status_text }}, курьер {{ order.courier_name }} {{ order.courier_phone }}.
                Нет такого: [{{ customer.nickname }}{{ nothing.at.all }}]""");

        var rendered = renderer.render(template, new RenderFacts(shop.tenant().workspace().id(), shop.customer(), runId, "sms-1",
                Channel.EMAIL, coupon, null));

        assertThat(rendered.subject()).isEqualTo("Анна, вы забыли 3" + NBSP + "товара");
        var link = links.url(new CartLinks.Target(shop.tenant().workspace().id(), shop.customer(), runId, "sms-1"));
        // «~» stands for a non-breaking space, which keeps a price or a count on one line
        assertThat(rendered.body()).isEqualTo("""
                Здравствуйте, Анна "<script>alert(1)</script>" Петрова из города Екатеринбург!
                Ботинки «Зима» <b> × 2 — 8~990~₽ [https://romashka.example/i/boot-1.jpg] https://romashka.example/p/boot-1
                Подарок {{ coupon.code }} <script>x()</script> × 1 — 990,50~₽ [https://romashka.example/i/gift.jpg] https://romashka.example/p/gift
                Итого: 18~970,50~₽. Вернуться: %s
                Промокод CART-7KQ2M9XDAB на 10%% до 30 ноября, 23:59.
                Заказ DM-10023: передан в доставку, курьер Сергей +7 916 000-11-22.
                Нет такого: []""".formatted(link).replace('~', NBSP));
        assertThat(link).matches("http://localhost:\\d+/r/[A-Za-z0-9_-]+");
    }

    @Test
    void recommendsAvailableProductsBesideTheCartOnceAGroupNeverWhatIsInIt() {
        var rendered = renderer.render(new ChannelTemplate(null,
                "{% for p in recommendations %}{{ p.name }} {{ p.price | money }} {{ p.url }}|{% endfor %}"), facts(Channel.EMAIL));

        assertThat(rendered.body().split("\\|")).hasSize(3).containsExactly(
                "Кроссовки «Темп» 6" + NBSP + "490" + NBSP + "₽ https://romashka.example/p/sneaker-2",
                "Тапочки «Уют» 990" + NBSP + "₽ https://romashka.example/p/slipper-3",
                "Плед «Клетка» 2" + NBSP + "990" + NBSP + "₽ https://romashka.example/p/plaid-5");
    }

    @Test
    void theOrderOfTheRunIsTheOneShownAndTheShopIsNamed() {
        var rendered = renderer.render(new ChannelTemplate(null, "{{ shop.name }}: заказ {{ order.id }} — {{ order.status }}, "
                + "ждите {{ order.expected_at | date }}"), new RenderFacts(shop.tenant().workspace().id(), shop.customer(),
                UUID.randomUUID(), "status", Channel.SMS, null, "DM-10023"));

        assertThat(rendered.body()).isEqualTo("Ромашка: заказ DM-10023 — shipped, ждите 21 ноября 2026");
    }

    @Test
    void aBrokenTemplateIsRefusedInRussianWithItsLine() {
        var broken = new ChannelTemplate("Корзина ждёт", "Здравствуйте!\n{% if cart.count > 0 %}\nВаша корзина: {{ cart.total | money }");

        assertThat(renderer.problems(broken)).singleElement().asString().startsWith("Текст, строка 3: ");
        assertThatThrownBy(() -> renderer.render(broken, facts(Channel.SMS))).isInstanceOf(TemplateProblem.class)
                .hasMessageStartingWith("Текст, строка 3: ").satisfies(e -> assertThat(((TemplateProblem) e).line()).isEqualTo(3));
        assertThat(renderer.problems(new ChannelTemplate("{{ customer.name | shout }}", "Всё хорошо")))
                .containsExactly("Тема, строка 1: нет фильтра «shout»; есть, например, money, plural, date, upcase, default");
        assertThat(renderer.problems(new ChannelTemplate(null, "{% for item in cart.items %}{{ item.name }}")))
                .singleElement().asString().startsWith("Текст, строка 1: шаблон кончился раньше");
        assertThat(renderer.problems(new ChannelTemplate("Тема", "Всё {{ cart.count | plural: 'товар', 'товара', 'товаров' }}"))).isEmpty();
        assertThat(renderer.problems(new ChannelTemplate(null, "Привет!\n{{ cart.count | plural: 'товар' }}")))
                .containsExactly("Текст, строка 2: фильтру plural нужны три слова: plural: \"товар\", \"товара\", \"товаров\"");
    }

    @Test
    void aTemplateThatGrowsPastTheLimitOrComesOutEmptyIsAProblemNotAMessage() {
        assertThatThrownBy(() -> renderer.render(new ChannelTemplate(null, "{% for i in (1..3000) %}0123456789{% endfor %}"),
                facts(Channel.SMS))).isInstanceOf(TemplateProblem.class).hasMessageContaining("длиннее 20000 знаков");
        assertThatThrownBy(() -> renderer.render(new ChannelTemplate(null, "{{ customer.nickname }}  "), facts(Channel.SMS)))
                .isInstanceOf(TemplateProblem.class).hasMessage("Текст: после подстановки сообщение получилось пустым");
        var long_ = renderer.render(new ChannelTemplate(null, "{% for i in (1..1500) %}0123456789{% endfor %}"), facts(Channel.SMS));
        assertThat(long_.body()).hasSize(15_000);
    }

    @Test
    void aPreviewUsesTheRealCustomerButStoresNoCouponAndCountsNoClick() {
        var workspace = shop.tenant().workspace().id();

        var preview = previews.preview(workspace, shop.customer(), new ChannelTemplate("Для {{ customer.first_name }}",
                "{{ cart.count }} шт., промокод {{ coupon.code }} ({{ coupon.discount }}), {{ cart.link }}"), Channel.SMS,
                new CouponSpec("cart", "500 ₽", Duration.ofDays(3)));

        assertThat(preview.subject()).isEqualTo("Для Анна");
        assertThat(preview.body()).matches("3 шт\\., промокод PREVIEW-[2-9A-Z]{10} \\(500 ₽\\), http://localhost:\\d+/r/[A-Za-z0-9_-]+");
        assertThat(jdbc.sql("select count(*) from journey_coupon where workspace_id = ?").param(workspace.value())
                .query(Long.class).single()).isZero();
        var token = preview.body().substring(preview.body().indexOf("/r/") + 3);
        assertThat(links.read(token)).hasValueSatisfying(target -> assertThat(target.preview()).isTrue());
    }

    @Test
    void customersFilledInAtOnceNeverSeeEachOthersData() throws Exception {
        var other = shops.create(port);
        var template = new ChannelTemplate(null, "{{ customer.phone }} {% for item in cart.items %}{{ item.name }}{% endfor %}");
        var mine = renderer.render(template, facts(Channel.SMS)).body();
        var theirs = renderer.render(template, new RenderFacts(other.tenant().workspace().id(), other.customer(), UUID.randomUUID(),
                "step", Channel.SMS, null, null)).body();
        assertThat(mine).isNotEqualTo(theirs);

        var renders = new java.util.ArrayList<java.util.concurrent.Callable<Boolean>>();
        for (int i = 0; i < 200; i++) {
            var who = i % 2 == 0 ? shop : other;
            var expected = i % 2 == 0 ? mine : theirs;
            renders.add(() -> renderer.render(template, new RenderFacts(who.tenant().workspace().id(), who.customer(),
                    UUID.randomUUID(), "step", Channel.SMS, null, null)).body().equals(expected));
        }
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (var done : threads.invokeAll(renders)) {
                assertThat(done.get()).isTrue();
            }
        }
    }

    private RenderFacts facts(Channel channel) {
        return new RenderFacts(shop.tenant().workspace().id(), shop.customer(), UUID.randomUUID(), "step", channel, null, null);
    }
}
