package io.beseda.catalog;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class CatalogImportTests {

    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <yml_catalog date="2026-11-20 10:00">
              <shop>
                <name>Северный ветер</name>
                <currencies><currency id="RUR" rate="1"/></currencies>
                <categories>
                  <category id="1">Одежда</category>
                  <category id="2" parentId="1">Куртки</category>
                  <category id="3">Аксессуары</category>
                </categories>
                <offers>
                  <offer id="jacket-48" group_id="jacket" available="true">
                    <url>https://shop.example/jacket?size=48</url>
                    <price>12 490,00</price>
                    <oldprice>15990</oldprice>
                    <currencyId>RUR</currencyId>
                    <categoryId>2</categoryId>
                    <picture>https://shop.example/jacket-1.jpg</picture>
                    <picture>https://shop.example/jacket-2.jpg</picture>
                    <name>Пуховик «Север» мужской</name>
                    <vendor>Северный ветер</vendor>
                    <description><![CDATA[Тёплый пуховик <b>до −30°</b>]]></description>
                    <param name="Размер" unit="RU">48</param>
                    <param name="Цвет">чёрный</param>
                    <outlets><outlet id="msk-1" instock="3"/><outlet id="spb-1" instock="0"/></outlets>
                  </offer>
                  <offer id="phone-1" type="vendor.model" available="false">
                    <price>49990</price>
                    <currencyId>RUB</currencyId>
                    <categoryId>9</categoryId>
                    <typePrefix>Смартфон</typePrefix>
                    <vendor>Tecno</vendor>
                    <model>Spark 30</model>
                  </offer>
                  <offer id="scarf"><name>Шарф</name><price>бесплатно</price></offer>
                  <offer><name>Без id</name><price>10</price></offer>
                  <offer id="belt"><price>990</price></offer>
                  <offer id="jacket-48"><name>Дубль</name><price>1</price></offer>
                  <offer id="gloves"><name>Перчатки</name><price>-5</price></offer>
                  <offer id="bag"><name>Сумка</name><price>3490</price><categoryId>3</categoryId></offer>
                </offers>
              </shop>
            </yml_catalog>
            """;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    CatalogImport imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFeedIsImportedWithEveryRefusalExplained() {
        var shop = workspaces.create("Каталог").workspace().id();

        var report = imports.importYml(shop, feed(FEED), "upload: feed.xml");

        assertThat(report.failed()).isFalse();
        assertThat(report.categories()).isEqualTo(3);
        assertThat(report.added()).isEqualTo(3);
        assertThat(report.refused()).isEqualTo(5);
        assertThat(report.refusals()).extracting(r -> r.offerId() + ": " + r.reason().substring(0, r.reason().indexOf(" · ")))
                .containsExactly("scarf: Цена «бесплатно» — не число", "null: У предложения нет атрибута id",
                        "belt: Нет названия (name или model)", "jacket-48: Предложение с таким id уже было в файле",
                        "gloves: Цена «-5» — не число");
        assertThat(report.refusals()).allSatisfy(r -> assertThat(r.line()).isPositive());

        var jacket = jdbc.sql("select * from catalog_offer where workspace_id = ? and id = 'jacket-48'").param(shop.value())
                .query((row, n) -> new Object[] {row.getString("name"), row.getBigDecimal("price"), row.getBigDecimal("old_price"),
                        row.getString("currency"), row.getString("description"), row.getString("params"), row.getString("group_id")})
                .single();
        assertThat(jacket[0]).isEqualTo("Пуховик «Север» мужской");
        assertThat(jacket[1]).isEqualTo(new BigDecimal("12490.00"));
        assertThat(jacket[2]).isEqualTo(new BigDecimal("15990.00"));
        assertThat(jacket[3]).isEqualTo("RUB");
        assertThat(jacket[4]).isEqualTo("Тёплый пуховик <b>до −30°</b>");
        assertThat((String) jacket[5]).contains("\"name\": \"Размер\"", "\"unit\": \"RU\"", "\"value\": \"чёрный\"");
        assertThat(jacket[6]).isEqualTo("jacket");
        assertThat(jdbc.sql("select name from catalog_offer where workspace_id = ? and id = 'phone-1'").param(shop.value())
                .query(String.class).single()).isEqualTo("Смартфон Tecno Spark 30");
        assertThat(jdbc.sql("select store_id || '=' || quantity from catalog_stock where workspace_id = ? order by store_id")
                .param(shop.value()).query(String.class).list()).containsExactly("msk-1=3", "spb-1=0");
        assertThat(jdbc.sql("select count(*) from catalog_import where workspace_id = ? and added = 3 and refused = 5")
                .param(shop.value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void reimportingReportsChangesAndWithdrawsWhatTheFeedNoLongerLists() {
        var shop = workspaces.create("Каталог повторно").workspace().id();
        imports.importYml(shop, feed(FEED), "first");

        var cheaper = FEED.replace("<price>3490</price>", "<price>2990</price>")
                .replace("<offer id=\"phone-1\" type=\"vendor.model\" available=\"false\">", "<offer id=\"phone-2\" type=\"vendor.model\">");
        var report = imports.importYml(shop, feed(cheaper), "second");

        assertThat(report.added()).as("phone-2").isEqualTo(1);
        assertThat(report.changed()).as("bag").isEqualTo(1);
        assertThat(report.unchanged()).as("jacket").isEqualTo(1);
        assertThat(report.withdrawn()).as("phone-1").isEqualTo(1);
        assertThat(listed(shop, "phone-1")).isFalse();
        assertThat(jdbc.sql("select price from catalog_offer where workspace_id = ? and id = 'bag'").param(shop.value())
                .query(BigDecimal.class).single()).isEqualTo(new BigDecimal("2990.00"));

        var back = imports.importYml(shop, feed(FEED), "third");
        assertThat(back.added()).isZero();
        assertThat(back.changed()).as("bag again, phone-1 listed again").isEqualTo(2);
        assertThat(listed(shop, "phone-1")).isTrue();
    }

    @Test
    void aFileThatIsNotAFeedImportsNothingAndSaysWhy() {
        var shop = workspaces.create("Каталог сломан").workspace().id();

        var html = imports.importYml(shop, feed("<html><body>Ошибка 404</body></html>"), "url: https://shop.example/feed");
        var broken = imports.importYml(shop, feed("<yml_catalog><shop><offers><offer id=\"1\"><name>x</name>"), "upload");

        assertThat(html.failure()).contains("<yml_catalog>");
        assertThat(broken.failure()).startsWith("Not a readable XML feed");
        assertThat(jdbc.sql("select count(*) from catalog_offer where workspace_id = ?").param(shop.value()).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from catalog_import where workspace_id = ? and failure is not null").param(shop.value())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void externalEntitiesAreNeverRead() {
        var shop = workspaces.create("Каталог XXE").workspace().id();
        var xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE yml_catalog [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <yml_catalog><shop><offers><offer id="1"><name>&secret;</name><price>1</price></offer></offers></shop></yml_catalog>
                """;

        var report = imports.importYml(shop, feed(xxe), "upload");

        assertThat(report.failed()).isTrue();
        assertThat(jdbc.sql("select count(*) from catalog_offer where workspace_id = ?").param(shop.value()).query(Integer.class).single())
                .isZero();
    }

    private boolean listed(WorkspaceId shop, String id) {
        return jdbc.sql("select listed from catalog_offer where workspace_id = ? and id = ?").params(shop.value(), id)
                .query(Boolean.class).single();
    }

    private static ByteArrayInputStream feed(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
