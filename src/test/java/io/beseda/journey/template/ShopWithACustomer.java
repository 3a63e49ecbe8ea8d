package io.beseda.journey.template;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import io.beseda.catalog.CatalogImport;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop with a small catalogue and one customer who ordered once (the courier is on the way) and then left a
 * cart, all reported the way shops report them: the feed and the events API.
 */
@Component
class ShopWithACustomer {

    static final String NAME = "Анна \"<script>alert(1)</script>\" Петрова";

    static final String FEED = """
            <yml_catalog><shop><name>Ромашка</name><url>https://romashka.example</url>
            <categories><category id="shoes">Обувь</category><category id="home">Дом</category></categories><offers>
            <offer id="boot-1" group_id="boot" available="true"><name>Ботинки «Зима» &lt;b&gt;</name><price>8990</price>
              <categoryId>shoes</categoryId><url>/p/boot-1</url><picture>https://romashka.example/i/boot-1.jpg</picture></offer>
            <offer id="boot-1-42" group_id="boot" available="true"><name>Ботинки «Зима», 42</name><price>8990</price>
              <categoryId>shoes</categoryId><url>/p/boot-1</url></offer>
            <offer id="sneaker-2" available="true"><name>Кроссовки «Темп»</name><price>6490</price><categoryId>shoes</categoryId>
              <url>/p/sneaker-2</url><picture>https://romashka.example/i/sneaker-2.jpg</picture></offer>
            <offer id="slipper-3" available="true"><name>Тапочки «Уют»</name><price>990</price><categoryId>shoes</categoryId>
              <url>/p/slipper-3</url></offer>
            <offer id="sandal-4" available="false"><name>Сандалии</name><price>2990</price><categoryId>shoes</categoryId></offer>
            <offer id="plaid-5" available="true"><name>Плед «Клетка»</name><price>2990</price><categoryId>home</categoryId>
              <url>/p/plaid-5</url></offer>
            </offers></shop></yml_catalog>""";

    record Shop(TestWorkspaces.Tenant tenant, CustomerId customer) {
    }

    private final TestWorkspaces workspaces;
    private final CatalogImport imports;
    private final Customers customers;

    ShopWithACustomer(TestWorkspaces workspaces, CatalogImport imports, Customers customers) {
        this.workspaces = workspaces;
        this.imports = imports;
        this.customers = customers;
    }

    Shop create(int port) {
        var tenant = workspaces.create("Ромашка");
        imports.importYml(tenant.workspace().id(), new ByteArrayInputStream(FEED.getBytes(StandardCharsets.UTF_8)), "test");
        var phone = "+7916" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
        var events = """
                {"events": [
                  {"id": "o-1", "type": "order_placed", "occurredAt": "2026-11-20T09:00:00Z", "customer": {"phone": "%1$s"},
                   "properties": {"orderId": "DM-10023", "total": 4590, "status": "new"}},
                  {"id": "o-2", "type": "order_status_changed", "occurredAt": "2026-11-20T11:00:00Z", "customer": {"phone": "%1$s"},
                   "properties": {"orderId": "DM-10023", "status": "shipped", "courierName": "Сергей", "courierPhone": "+7 916 000-11-22",
                                  "trackingUrl": "https://track.example/DM-10023", "expectedAt": "2026-11-21"}},
                  {"id": "c-1", "type": "cart_updated", "occurredAt": "2026-11-21T10:00:00Z", "customer": {"phone": "%1$s"},
                   "properties": {"total": 18970.5, "currency": "RUB", "items": [
                     {"productId": "boot-1", "name": "Ботинки «Зима» <b>", "price": 8990, "quantity": 2},
                     {"productId": "custom-9", "name": "Подарок {{ coupon.code }} <script>x()</script>", "price": 990.5, "quantity": 1,
                      "picture": "https://romashka.example/i/gift.jpg", "url": "https://romashka.example/p/gift"}]}}
                ]}""".formatted(phone);
        var response = Http.api(port).call("POST", "/api/v1/events", tenant.apiKey(), events);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var customer = customers.findBy(tenant.workspace().id(), Identity.phone(phone)).orElseThrow();
        var profile = Http.api(port).call("PATCH", "/api/v1/customers/" + customer.value(), tenant.apiKey(),
                "{\"name\": \"Анна \\\"<script>alert(1)</script>\\\" Петрова\", \"city\": \"Екатеринбург\"}");
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        return new Shop(tenant, customer);
    }
}
