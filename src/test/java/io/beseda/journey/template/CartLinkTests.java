package io.beseda.journey.template;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The cart link in a journey's message: followed, counted, sent to the shop's cart page, and the cart restored there. */
@BesedaTest
class CartLinkTests {

    @LocalServerPort int port;
    @Autowired ShopWithACustomer shops;
    @Autowired MessageRenderer renderer;
    @Autowired ShopPages pages;
    @Autowired Previews previews;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    ShopWithACustomer.Shop shop;
    UUID run;

    @BeforeEach
    void aShopWhoseCartPageIsKnown() {
        shop = shops.create(port);
        run = UUID.randomUUID();
        pages.save(shop.tenant().workspace().id(), new ShopPages.Pages("https://romashka.example", "https://romashka.example/cart?from=sms#top"));
    }

    @Test
    void followingTheLinkCountsTheClickForTheRunAndStepAndOpensTheShopsCartWithTheRestoreToken() {
        var token = tokenOfMessage("sms-1");

        var response = Http.api(port).get("/r/" + token);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(Http.location(response)).isEqualTo("https://romashka.example/cart?from=sms&beseda_cart=" + token + "#top");
        assertThat(clicks("sms-1")).isOne();
        Http.api(port).get("/r/" + token);
        assertThat(clicks("sms-1")).as("every follow is kept; statistics count distinct run and step").isEqualTo(2);
        assertThat(clicks("push-1")).isZero();
    }

    @Test
    void theRestoreEndpointGivesTheShopsPageTheCartItemByItem() throws Exception {
        var response = Http.api(port).get("/r/" + tokenOfMessage("sms-1") + "/cart");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        var cart = json.readTree(response.body());
        assertThat(cart.path("count").asInt()).isEqualTo(3);
        assertThat(cart.path("currency").asString()).isEqualTo("RUB");
        assertThat(cart.path("total").decimalValue()).isEqualByComparingTo("18970.5");
        var items = cart.path("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).path("productId").asString()).isEqualTo("boot-1");
        assertThat(items.get(0).path("name").asString()).isEqualTo("Ботинки «Зима» <b>");
        assertThat(items.get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(items.get(0).path("price").decimalValue()).isEqualByComparingTo("8990");
        assertThat(items.get(0).path("picture").asString()).isEqualTo("https://romashka.example/i/boot-1.jpg");
        assertThat(items.get(1).path("name").asString()).isEqualTo("Подарок {{ coupon.code }} <script>x()</script>");
        assertThat(clicks("sms-1")).as("restoring is not a click").isZero();
    }

    @Test
    void aForgedTamperedOrMadeUpTokenGetsARussianNotFoundAndCountsNothing() {
        var genuine = tokenOfMessage("sms-1");
        var tampered = genuine.substring(0, 20) + (genuine.charAt(20) == 'A' ? 'B' : 'A') + genuine.substring(21);

        for (var token : new String[] {tampered, genuine.substring(0, genuine.length() - 2), "AAAA", "A_b-Cd", "x".repeat(500),
                UUID.randomUUID().toString()}) {
            var page = Http.api(port).get("/r/" + token);
            assertThat(page.statusCode()).as(token).isEqualTo(404);
            assertThat(page.body()).contains("Ссылка недействительна");
            var restore = Http.api(port).get("/r/" + token + "/cart");
            assertThat(restore.statusCode()).as(token).isEqualTo(404);
            assertThat(restore.body()).contains("Ссылка на корзину недействительна").doesNotContain("Ботинки");
        }
        assertThat(jdbc.sql("select count(*) from journey_click where workspace_id = ?").param(shop.tenant().workspace().id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aShopThatNamedNoCartPageGetsTheCartShownHere() {
        pages.save(shop.tenant().workspace().id(), ShopPages.Pages.NONE);

        var page = Http.api(port).get("/r/" + tokenOfMessage("email-1"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ваша корзина в «Ромашка»").contains("Ботинки «Зима» &lt;b&gt;")
                .contains("href=\"https://romashka.example/p/boot-1\"").doesNotContain("<script>x()");
        assertThat(clicks("email-1")).isOne();
    }

    @Test
    void aPreviewsLinkOpensTheCartButCountsNoClick() {
        var preview = previews.preview(shop.tenant().workspace().id(), shop.customer(),
                new ChannelTemplate(null, "{{ cart.link }}"), Channel.SMS);

        var response = Http.api(port).get(preview.body().substring(preview.body().indexOf("/r/")));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(Http.location(response)).startsWith("https://romashka.example/cart?from=sms&beseda_cart=");
        assertThat(jdbc.sql("select count(*) from journey_click where workspace_id = ?").param(shop.tenant().workspace().id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theShopNamesItsCartPageThroughTheApi() throws Exception {
        var api = Http.api(port);
        var key = shop.tenant().apiKey();

        var saved = api.call("PUT", "/api/v1/shop-pages", key,
                "{\"siteUrl\": \"https://shop.example\", \"cartUrl\": \"https://shop.example/basket\"}");
        var refused = api.call("PUT", "/api/v1/shop-pages", key, "{\"cartUrl\": \"javascript:alert(1)\"}");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(400);
        var pagesNow = json.readTree(api.call("GET", "/api/v1/shop-pages", key, null).body());
        assertThat(pagesNow.path("cartUrl").asString()).isEqualTo("https://shop.example/basket");
        assertThat(Http.location(api.get("/r/" + tokenOfMessage("sms-2")))).startsWith("https://shop.example/basket?beseda_cart=");
    }

    private String tokenOfMessage(String step) {
        var body = renderer.render(new ChannelTemplate(null, "Корзина ждёт: {{ cart.link }}"), new RenderFacts(
                shop.tenant().workspace().id(), shop.customer(), run, step, Channel.SMS, null, null)).body();
        return body.substring(body.indexOf("/r/") + 3);
    }

    private long clicks(String step) {
        return jdbc.sql("select count(*) from journey_click where workspace_id = ? and run_id = ? and step_id = ? and customer_id = ?")
                .params(shop.tenant().workspace().id().value(), run, step, shop.customer().value()).query(Long.class).single();
    }
}
