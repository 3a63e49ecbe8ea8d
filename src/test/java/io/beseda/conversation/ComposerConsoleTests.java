package io.beseda.conversation;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.ConsoleSession;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** What the composer posts and gets back: the new message as a list item, or the reason in words. */
@BesedaTest
class ComposerConsoleTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    InboxFixtures fixtures;

    @Test
    void aReplyWithButtonsComesBackQueuedAndANoteSendsNothing() {
        var tenant = workspaces.create("Композер");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var conversation = fixtures.customerWrites(tenant, Channel.TELEGRAM, "kira", "Можно забронировать?");
        var session = ConsoleSession.signIn(port, operator.email());

        var reply = session.postFragment("/inbox/" + conversation + "/replies",
                Map.of("text", "Да, <script>alert(1)</script> на сутки", "quickReply", "Бронирую"));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("class=\"message out\"").contains("data-outbound=").contains("в очереди")
                .contains("Да, &lt;script&gt;alert(1)&lt;/script&gt; на сутки").doesNotContain("<script>")
                .contains("<li>Бронирую</li>");
        assertThat(fixtures.outbound(tenant)).isEqualTo(1);

        var note = session.postFragment("/inbox/" + conversation + "/notes", Map.of("text", "Постоянная покупательница"));
        assertThat(note.body()).contains("class=\"message note\"").contains("покупатель её не видит").doesNotContain("data-outbound=\"");
        assertThat(fixtures.outbound(tenant)).as("a note queues nothing").isEqualTo(1);
    }

    @Test
    void aPhotoIsKeptAndShownAsAThumbnailAndOtherFilesAreRefusedInWords() {
        var tenant = workspaces.create("Композер с файлами");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var conversation = fixtures.customerWrites(tenant, Channel.TELEGRAM, "lev", "Пришлите фото");
        var session = ConsoleSession.signIn(port, operator.email());

        var photo = session.postFile("/inbox/" + conversation + "/replies", Map.of("text", "Вот"), "кеды.png", InboxFixtures.photo());
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.body()).containsPattern("<img class=\"thumb\" src=\"/files/[0-9a-f-]{36}/[A-Za-z0-9_-]+\" alt=\"кеды.png\"");

        var script = session.postFile("/inbox/" + conversation + "/replies", Map.of("text", "Вот"), "virus.html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(script.statusCode()).isEqualTo(422);
        assertThat(script.body()).contains("Такой файл не отправить");

        var empty = session.postFragment("/inbox/" + conversation + "/replies", Map.of("text", "  "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Напишите текст ответа");
        assertThat(fixtures.outbound(tenant)).isEqualTo(1);
    }
}
