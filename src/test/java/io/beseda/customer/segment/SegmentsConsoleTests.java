package io.beseda.customer.segment;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.customer.Customers;
import io.beseda.customer.segment.rule.RuleParser;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;
import io.beseda.testing.TestWorkspaces.Tenant;
import io.beseda.workspace.Role;

import static io.beseda.testing.Http.location;
import static org.assertj.core.api.Assertions.assertThat;

/** Покупатели → Сегменты, as a marketer uses it over real HTTP. */
@BesedaTest
class SegmentsConsoleTests {

    private static final String BIG_CARTS = "{\"cart\": {\"op\": \"gt\", \"value\": 1000}}";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    SegmentEditor editor;

    @Autowired
    Clock clock;

    Tenant tenant;
    History history;
    Http console;

    @BeforeEach
    void signedInShop() {
        tenant = workspaces.create("Консоль сегментов");
        history = new History(jdbc, customers, tenant.workspace().id(), clock.instant());
        history.cart(history.customer("Анна Покупательница"), "5000", Duration.ofMinutes(2));
        console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);
    }

    @Test
    void theListShowsBuiltInAndOwnSegmentsWithTheirMemberCounts() {
        var own = editor.create(tenant.workspace().id(), "Крупные корзины", RuleParser.readTree(BIG_CARTS)).segment();

        var page = console.get("/customers/segments");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Сегменты", "Решительные покупатели", "Просматривающие", "Сомневающиеся",
                "Чемпионы (RFM)", "Уходящие (RFM)", "Брошенная корзина", "Крупные корзины",
                "href=\"/customers/segments/" + own.id() + "\"", "href=\"/customers/segments/new\"");
        assertThat(page.body()).containsPattern("data-segment=\"" + own.id() + "\">[\\s\\S]*?<td class=\"count\">1</td>");
    }

    @Test
    void aSegmentMadeInTheFormShowsItsMembersAtOnce() {
        var saved = console.submit("/customers/segments/new", "/customers/segments",
                Map.of("name", "Крупные корзины", "rule", BIG_CARTS));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(location(saved)).matches(".*/customers/segments/[0-9a-f-]{36}");
        var members = console.get(location(saved).replaceFirst("^https?://[^/]+", ""));
        assertThat(members.body()).contains("Сегмент «Крупные корзины» сохранён", "Покупателей в сегменте: 1",
                "Анна Покупательница", "&quot;cart&quot; : {", "href=\"/customers/segments\"");
    }

    @Test
    void thePreviewCountsBeforeAnythingIsSaved() {
        var preview = console.submit("/customers/segments/new", "/customers/segments/preview",
                Map.of("name", "", "rule", BIG_CARTS));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Сейчас под правило подходят покупателей: 1", "Анна Покупательница");
        assertThat(jdbc.sql("select count(*) from segment where workspace_id = ? and not built_in")
                .param(tenant.workspace().id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void aBadRuleIsExplainedInRussianAndNothingIsSaved() {
        var wrongNumber = console.submit("/customers/segments/new", "/customers/segments",
                Map.of("name", "Сломанный", "rule", "{\"orders\": {\"op\": \"gte\", \"count\": 2, \"days\": 0}}"));
        var notJson = console.submit("/customers/segments/new", "/customers/segments",
                Map.of("name", "Сломанный", "rule", "{\"orders\": "));

        assertThat(wrongNumber.statusCode()).isEqualTo(200);
        assertThat(wrongNumber.body()).contains("rule.orders.days — должно быть целым числом от 1 до 3650");
        assertThat(notJson.body()).contains("rule — это не JSON");
        assertThat(wrongNumber.body()).as("what was typed is kept").contains("Сломанный");
        assertThat(jdbc.sql("select count(*) from segment where workspace_id = ? and not built_in")
                .param(tenant.workspace().id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void hostileTextIsShownAsText() {
        var own = editor.create(tenant.workspace().id(), "<script>alert('сегмент')</script>",
                RuleParser.readTree("{\"lastSeen\": {\"days\": 7}}")).segment();
        jdbc.sql("update customer set name = ? where workspace_id = ?")
                .params("<img src=x onerror=alert(1)>", tenant.workspace().id().value()).update();
        editor.evaluateNow(tenant.workspace().id(), own.id());

        var list = console.get("/customers/segments").body();
        var members = console.get("/customers/segments/" + own.id()).body();

        assertThat(list).contains("&lt;script&gt;alert(&#39;сегмент&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
        assertThat(members).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
    }

    @Test
    void ownSegmentsCanBeEditedAndDeletedButBuiltInOnesCannot() {
        var own = editor.create(tenant.workspace().id(), "Крупные корзины", RuleParser.readTree(BIG_CARTS)).segment();
        var edit = console.get("/customers/segments/" + own.id() + "/edit");
        assertThat(edit.body()).contains("value=\"Крупные корзины\"", "action=\"/customers/segments/" + own.id() + "\"");

        var changed = console.submit("/customers/segments/" + own.id() + "/edit", "/customers/segments/" + own.id(),
                Map.of("name", "Очень крупные корзины", "rule", "{\"cart\": {\"op\": \"gt\", \"value\": 10000}}"));
        assertThat(location(changed)).endsWith("/customers/segments/" + own.id());
        assertThat(console.get("/customers/segments/" + own.id()).body())
                .contains("Очень крупные корзины", "Покупателей в сегменте: 0");

        var deleted = console.submit("/customers/segments/" + own.id(), "/customers/segments/" + own.id() + "/delete", Map.of());
        assertThat(location(deleted)).endsWith("/customers/segments");
        assertThat(console.get("/customers/segments").body()).contains("Сегмент «Очень крупные корзины» удалён.");
        assertThat(console.get("/customers/segments/" + own.id()).statusCode()).isEqualTo(404);

        var builtInId = jdbc.sql("select id from segment where workspace_id = ? and built_in_key = 'decided'")
                .param(tenant.workspace().id().value()).query(String.class).single();
        var refused = console.submit("/customers/segments/" + builtInId, "/customers/segments/" + builtInId + "/delete", Map.of());
        assertThat(console.get(location(refused).replaceFirst("^https?://[^/]+", "")).body())
                .contains("Встроенные сегменты нельзя изменить или удалить.");
        assertThat(location(console.get("/customers/segments/" + builtInId + "/edit"))).endsWith("/customers/segments/" + builtInId);
    }

    @Test
    void analystsSeeSegmentsButCannotChangeThem() {
        var analyst = workspaces.addUser(tenant, Role.ANALYST);
        var analystConsole = Http.console(port);
        analystConsole.signIn(analyst.email(), TestWorkspaces.PASSWORD);

        var list = analystConsole.get("/customers/segments");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Брошенная корзина").doesNotContain("href=\"/customers/segments/new\"");
        assertThat(analystConsole.get("/customers/segments/new").statusCode()).isEqualTo(403);
        assertThat(analystConsole.submit("/customers/segments", "/customers/segments",
                Map.of("name", "Тайный", "rule", BIG_CARTS)).statusCode()).isEqualTo(403);
    }

    @Test
    void speaksEnglishWhenAsked() {
        var page = console.get("/customers/segments?lang=en");

        assertThat(page.body()).contains("Segments", "Decided buyers", "Abandoned cart", "Built-in")
                .doesNotContain("Решительные покупатели");
    }
}
