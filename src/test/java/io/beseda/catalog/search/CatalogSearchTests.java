package io.beseda.catalog.search;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.catalog.CatalogImport;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;

/** Shopping questions against the demo shop's own feed (273 offers), as customers write them. */
@BesedaTest
class CatalogSearchTests {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    CatalogImport imports;

    @Autowired
    CatalogSearch search;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Synonyms synonyms;

    private WorkspaceId shop;

    @BeforeEach
    void theDemoFeed() throws Exception {
        shop = workspaces.create("Поиск").workspace().id();
        for (var store : new String[][] {{"msk-1", "Москва", "ул. Тверская, 12"}, {"spb-1", "Санкт-Петербург", "Невский пр., 48"},
                {"ekb-1", "Екатеринбург", "ул. Вайнера, 9"}}) {
            jdbc.sql("insert into catalog_store (workspace_id, id, name, city, address, updated_at) values (?, ?, ?, ?, ?, now())")
                    .params(shop.value(), store[0], "Магазин " + store[1], store[1], store[2]).update();
        }
        try (var feed = new ClassPathResource("demo/catalog.yml").getInputStream()) {
            assertThat(imports.importYml(shop, feed, "demo").refused()).isZero();
        }
    }

    @Test
    void anInexpensiveAccessoryForADressFindsTheAccessoriesThatGoWithDresses() {
        var answer = search.search(shop, "подберите недорогой аксессуар к платью", 3);

        assertThat(answer.understood().category()).isEqualTo("Аксессуары");
        assertThat(answer.understood().cheap()).isTrue();
        assertThat(answer.found()).extracting(CatalogSearch.Found::name).first().isIn("Колье с подвеской", "Клатч вечерний");
        assertThat(answer.found()).allSatisfy(f -> {
            assertThat(f.price()).isLessThanOrEqualTo(new BigDecimal("2000"));
            assertThat(f.url()).startsWith("http://localhost:8080/demo/shop/product.html?id="); // relative links in the feed, read against its shop url
        });
    }

    @Test
    void aSizeAndAPriceLimitAreReadFromTheQuestion() {
        var answer = search.search(shop, "есть пуховик 48 размера до 15 тысяч?", 5);

        assertThat(answer.understood().size()).isEqualTo("48");
        assertThat(answer.understood().maxPrice()).isEqualByComparingTo("15000");
        assertThat(answer.found()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.price()).isLessThanOrEqualTo(new BigDecimal("15000"));
            assertThat(f.sizes()).contains("48");
        });
        assertThat(answer.found().getFirst().name()).startsWith("Пуховик");
    }

    @Test
    void theLatestSmartphoneComesFirstWithTheStoresThatHaveIt() {
        var answer = search.search(shop, "где купить последнюю модель смартфона", 3);

        assertThat(answer.understood().newest()).isTrue();
        assertThat(answer.understood().category()).isEqualTo("Смартфоны");
        assertThat(answer.found().getFirst().name()).isEqualTo("Смартфон Samsung Galaxy A57");
        assertThat(answer.found().getFirst().stores()).isNotEmpty().allSatisfy(s -> assertThat(s.quantity()).isPositive());
    }

    @Test
    void aTypoAndAColourAreForgiven() {
        var answer = search.search(shop, "нашники белые", 3);

        assertThat(answer.understood().colours()).containsExactly("белые");
        assertThat(answer.found()).isNotEmpty().first().extracting(CatalogSearch.Found::name).asString().startsWith("Наушники");
    }

    @Test
    void aQuestionWithNothingToLookForFindsNothing() {
        assertThat(search.search(shop, "здравствуйте!", 3).found()).isEmpty();
        assertThat(search.search(shop, "", 3).found()).isEmpty();
        assertThat(search.search(shop, "😀😀😀", 3).found()).isEmpty();
        assertThat(search.search(shop, "ш".repeat(10_000), 3).found()).isEmpty();
    }

    @Test
    void theShopsSynonymsAreSearchedToo() {
        assertThat(search.search(shop, "толстовка", 3).found()).isEmpty();

        synonyms.replace(shop, java.util.List.of(java.util.List.of("Худи", "толстовка", "свитшот")));

        assertThat(search.search(shop, "серая толстовка", 3).found()).extracting(CatalogSearch.Found::name).containsExactly("Худи оверсайз");
        assertThat(synonyms.groups(shop)).containsExactly(java.util.List.of("худи", "толстовка", "свитшот"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> synonyms.replace(shop, java.util.List.of(java.util.List.of("одно"))))
                .isInstanceOf(io.beseda.shared.RuleViolationException.class);
    }

    @Test
    void aChangedFeedIsSearchedAtOnce() {
        assertThat(search.search(shop, "умные часы", 1).found().getFirst().price()).isEqualByComparingTo("9990");
        var feed = """
                <yml_catalog><shop><categories><category id="42">Умные часы</category></categories><offers>
                <offer id="p-402"><name>Умные часы «Пульс»</name><price>7990</price><categoryId>42</categoryId></offer>
                </offers></shop></yml_catalog>""";

        imports.importYml(shop, new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)), "price cut");

        assertThat(search.search(shop, "умные часы", 1).found().getFirst().price()).isEqualByComparingTo("7990");
        assertThat(search.search(shop, "наушники", 3).found()).as("withdrawn with the rest of the old feed").isEmpty();
    }
}
