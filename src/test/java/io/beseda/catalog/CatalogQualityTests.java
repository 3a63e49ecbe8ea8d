package io.beseda.catalog;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class CatalogQualityTests {

    private static final String FEED = """
            <yml_catalog><shop><categories><category id="1">Обувь</category></categories><offers>
            <offer id="a-41" group_id="a"><name>Кеды «Альфа»</name><price>3000</price><categoryId>1</categoryId>
              <picture>https://shop.example/a.jpg</picture>
              <description>Лёгкие кеды из плотного хлопка на каждый день, с мягкой стелькой.</description>
              <param name="Размер" unit="RU">41</param><param name="Цвет">белый</param><param name="Материал">хлопок</param>
              <outlets><outlet id="msk" instock="2"/></outlets></offer>
            <offer id="a-42" group_id="a"><name>Кеды «Альфа»</name><price>3000</price><categoryId>1</categoryId>
              <picture>https://shop.example/a.jpg</picture>
              <description>Лёгкие кеды из плотного хлопка на каждый день, с мягкой стелькой.</description>
              <param name="Размер" unit="RU">42</param><param name="Цвет">белый</param><param name="Материал">хлопок</param>
              <outlets><outlet id="msk" instock="1"/></outlets></offer>
            <offer id="b"><name>Ботинки «Бета»</name><price>7000</price><categoryId>1</categoryId>
              <description>Коротко</description><param name="Цвет">чёрный</param></offer>
            <offer id="c"><name>Стелька</name><price>300</price><categoryId>99</categoryId><picture>https://shop.example/c.jpg</picture>
              <param name="Размер">универсальный</param><param name="Цвет">бежевый</param>
              <outlets><outlet id="msk" instock="9"/></outlets></offer>
            </offers></shop></yml_catalog>""";

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    CatalogImport imports;

    @Autowired
    CatalogQuality quality;

    @Test
    void theReportNamesWhatCustomersWouldAskAndTheCatalogueCannotAnswer() {
        var shop = workspaces.create("Качество каталога").workspace().id();
        imports.importYml(shop, new ByteArrayInputStream(FEED.getBytes(StandardCharsets.UTF_8)), "test");

        var report = quality.report(shop);

        assertThat(report.models()).as("a-41 and a-42 are one model").isEqualTo(3);
        assertThat(report.gaps()).extracting(g -> g.kind() + " " + g.models() + " " + g.examples().stream()
                        .map(CatalogQuality.Example::offerId).toList())
                .containsExactly("DESCRIPTION 2 [b, c]", "SIZE 1 [b]", "MATERIAL 1 [b]", "PICTURE 1 [b]", "CATEGORY 1 [c]", "STOCK 1 [b]");
    }
}
