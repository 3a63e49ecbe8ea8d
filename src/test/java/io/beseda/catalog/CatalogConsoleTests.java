package io.beseda.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.ConsoleSession;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class CatalogConsoleTests {

    private static final String FEED = """
            <yml_catalog><shop><categories><category id="3">Аксессуары</category></categories><offers>
            <offer id="scarf"><name>Шарф кашемировый</name><price>2490</price><categoryId>3</categoryId>
              <description>Шарф 180 × 30 см, к пальто и к платью.</description><param name="Цвет">серый</param></offer>
            <offer id="hack"><name>&lt;script&gt;alert(1)&lt;/script&gt; Ремень</name><price>990</price><categoryId>3</categoryId></offer>
            <offer id="bad"><name>Без цены</name></offer>
            </offers></shop></yml_catalog>""";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aMarketerUploadsTheFeedAndAnyoneTriesTheSearch() {
        var shop = workspaces.create("Каталог в консоли");
        var marketer = ConsoleSession.signIn(port, workspaces.addUser(shop, Role.MARKETER).email());

        var upload = marketer.postFile("/catalog/imports", Map.of(), "feed", "feed.xml", FEED.getBytes(StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).isEqualTo(302);

        var page = marketer.get("/catalog").body();
        assertThat(page).contains("Фид загружен.", "добавлено 2", "отклонено 1", "bad, строка", "Нет цены");
        assertThat(page).contains("data-gap=\"PICTURE\"");

        assertThat(marketer.postFragment("/catalog/synonyms", Map.of("groups", "шарф, палантин\nремень, пояс")).statusCode())
                .isEqualTo(302);
        assertThat(marketer.get("/catalog").body()).contains("шарф, палантин\nремень, пояс", "Синонимы сохранены");

        var operator = ConsoleSession.signIn(port, workspaces.addUser(shop, Role.OPERATOR).email());
        assertThat(operator.get("/catalog?q=" + java.net.URLEncoder.encode("палантин", StandardCharsets.UTF_8)).body())
                .as("a synonym finds the scarf").contains("data-offer=\"scarf\"");
        assertThat(operator.postFragment("/catalog/synonyms", Map.of("groups", "а, б")).statusCode()).isEqualTo(403);
        var found = operator.get("/catalog?q=" + java.net.URLEncoder.encode("недорогой аксессуар", StandardCharsets.UTF_8)).body();
        assertThat(found).contains("категория «Аксессуары»", "data-offer=\"hack\"", "990 ₽");
        assertThat(found).as("names are text, never markup").doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Ремень");
        assertThat(found).as("operators do not upload").doesNotContain("name=\"feed\"");
        assertThat(operator.postFile("/catalog/imports", Map.of(), "feed", "feed.xml", FEED.getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(403);
    }
}
