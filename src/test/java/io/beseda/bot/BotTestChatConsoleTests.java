package io.beseda.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.testing.BesedaTest;
import io.beseda.testing.ConsoleSession;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;

/** The «Бот» page's test chat and figures, as an operator (who may only look and try) uses them. */
@BesedaTest
class BotTestChatConsoleTests {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void an_operator_tries_a_return_in_the_test_chat_and_sees_how_it_was_read_and_what_would_be_said() {
        var shop = workspaces.create("Тестовый чат в консоли");
        var operator = ConsoleSession.signIn(port, workspaces.addUser(shop, Role.OPERATOR).email());
        assertThat(operator.postFragment("/bot/test-chat", Map.of("text", "хочу вернуть куртку, порвался шов")).statusCode()).isEqualTo(302);
        var page = operator.get("/bot").body();
        assertThat(page).contains("тема: returns", "пришлите, пожалуйста, фото", "Здравствуйте!");

        operator.postFragment("/bot/test-chat", Map.of("text", "оператор"));
        page = operator.get("/bot").body();
        assertThat(page).contains("Передал бы оператору: клиент попросил оператора", "Бот передал разговор оператору", "порвался шов");
        assertThat(page).contains("id=\"bot-metrics\"", "id=\"bot-sessions\">0<");

        operator.postFragment("/bot/test-chat/reset", Map.of());
        assertThat(operator.get("/bot").body()).doesNotContain("class=\"bot-turn\"");
    }

    @Test
    void what_is_typed_in_the_test_chat_is_shown_as_text() {
        var shop = workspaces.create("Тестовый чат и скрипт");
        var owner = ConsoleSession.signIn(port, shop.owner().email());
        owner.postFragment("/bot/test-chat", Map.of("text", "<script>alert('x')</script> где мой заказ 10023"));
        var page = owner.get("/bot").body();
        assertThat(page).doesNotContain("<script>alert('x')</script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(page).contains("заказ 10023");
    }
}
