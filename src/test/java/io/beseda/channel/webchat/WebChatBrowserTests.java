package io.beseda.channel.webchat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import io.beseda.channel.OperatorTyping;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.conversation.Conversation;
import io.beseda.conversation.ConversationMessage;
import io.beseda.conversation.Conversations;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Browser;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Workspace;
import io.beseda.workspace.Workspaces;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The web chat in Chromium on the demo shop: a visitor writes, an operator answers, the chat survives reloads. */
@BesedaTest
class WebChatBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    io.beseda.bot.BotSettings botSettings;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Conversations conversations;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void aVisitorWritesInTheDemoShopTheOperatorAnswersAndTheChatSurvivesReloadsAndPageChanges() {
        var demo = demo();
        var page = shop();
        var question = "Какой размер пуховика выбрать при росте 170? " + UUID.randomUUID();
        page.locator(".bc-window .bc-consent-box").check();
        write(page, question);
        assertThat(page.locator(".bc-msg.bc-in").last()).not().containsText("Отправляется");

        var thread = threadWith(demo, question);
        assertThat(thread.lastChannel()).isEqualTo(Channel.WEBCHAT);
        events.publishEvent(new OperatorTyping(demo.id(), thread.customer(), Channel.WEBCHAT));
        assertThat(page.locator(".bc-typing")).hasText("Оператор печатает…");
        conversations.reply(Actor.system(demo.id(), "Оператор"), thread.id(), "При росте 170 подойдёт размер 46");
        dispatcher.dispatchDue();
        assertThat(page.locator(".bc-msg.bc-out")).containsText("При росте 170 подойдёт размер 46");
        assertThat(page.locator(".bc-typing")).isHidden();

        page.reload();
        assertThat(page.locator(".bc-window")).isVisible();
        assertThat(page.locator(".bc-msg.bc-in")).containsText(question);
        assertThat(page.locator(".bc-msg.bc-out")).containsText("При росте 170 подойдёт размер 46");
        assertThat(page.locator(".bc-consent")).isHidden();

        page.locator("a[href='/demo/shop/cart']").click();
        page.waitForURL("**/demo/shop/cart");
        assertThat(page.locator(".bc-msg.bc-out")).containsText("При росте 170 подойдёт размер 46");
        write(page, "И ещё вопрос про доставку");
        await().atMost(Duration.ofSeconds(10)).until(() -> conversations.messages(demo.id(), thread.id()).stream()
                .anyMatch(m -> m.text().equals("И ещё вопрос про доставку")));
    }

    @Test
    void markupInMessagesIsShownAsText() {
        var demo = demo();
        var page = shop();
        var dialogs = new ArrayList<String>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        var hostile = "<script>alert(1)</script> " + UUID.randomUUID();
        page.locator(".bc-window .bc-consent-box").check();
        write(page, hostile);
        assertThat(page.locator(".bc-msg.bc-in .bc-text").last()).hasText(hostile);

        var thread = threadWith(demo, hostile);
        conversations.reply(Actor.system(demo.id(), "Оператор"), thread.id(), "<img src=x onerror=alert(2)>");
        dispatcher.dispatchDue();
        assertThat(page.locator(".bc-msg.bc-out .bc-text").last()).hasText("<img src=x onerror=alert(2)>");
        assertThat(page.locator(".bc-log script, .bc-log img")).hasCount(0);
        assertThat(dialogs).isEmpty();
    }

    @Test
    void aPhotoIsShownInTheChatAndWhatIsNoPhotoIsRefusedInPlainRussian() throws Exception {
        var demo = demo();
        var page = shop();
        page.locator(".bc-window .bc-consent-box").check();
        var file = page.locator(".bc-file");

        file.setInputFiles(new FilePayload("brak.png", "image/png", WebChatUploadTests.PNG));
        var photo = page.locator(".bc-msg.bc-in img");
        assertThat(photo).hasCount(1);
        assertThat(page.locator(".bc-msg.bc-in").last()).not().containsText("Отправляется");
        await().atMost(Duration.ofSeconds(10)).until(() -> (Boolean) photo.evaluate("img => img.complete && img.naturalWidth === 1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> conversations.list(demo.id(), null, 200).stream()
                .anyMatch(c -> conversations.messages(demo.id(), c.id()).stream().anyMatch(m -> m.direction() == ConversationMessage.Direction.IN)));

        file.setInputFiles(new FilePayload("photo.png", "image/png", "%PDF-1.7 не фото".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(page.locator(".bc-notice")).hasText("Можно отправить только фото: JPEG, PNG, GIF или WebP");

        Path big = Files.createTempFile("big", ".jpg");
        Files.write(big, java.util.Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 10 * 1024 * 1024 + 10));
        file.setInputFiles(big);
        assertThat(page.locator(".bc-notice")).hasText("Файл больше 10 МБ");
        Files.delete(big);
        assertThat(photo).hasCount(1);
    }

    private Page shop() {
        var page = browser.newPage(base());
        page.navigate("/demo/shop");
        assertThat(page.locator("#products .card")).hasCount(8);
        page.locator(".bc-launcher").click();
        assertThat(page.locator(".bc-window")).isVisible();
        assertThat(page.locator(".bc-greeting")).containsText("Демо-магазина");
        assertThat(page.locator(".bc-links a")).hasText(List.of("Написать в Telegram", "Написать в WhatsApp", "Написать в Viber",
                "Написать во VK", "Написать в MAX").toArray(String[]::new));
        return page;
    }

    private static void write(Page page, String text) {
        page.locator(".bc-input").fill(text);
        page.locator(".bc-input").press("Enter");
    }

    private Conversation threadWith(Workspace demo, String text) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> conversations.list(demo.id(), null, 200).stream()
                .filter(c -> conversations.messages(demo.id(), c.id()).stream().anyMatch(m -> m.text().equals(text)))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    /** The demo shop with its bot switched off: these stories are between a visitor and an operator. */
    private Workspace demo() {
        var demo = workspaces.findBySlug(DemoWebChat.DEMO_SLUG)
                .orElseGet(() -> workspaces.create(DemoWebChat.DEMO_SLUG, "Демо-магазин", ZoneId.of("Europe/Moscow")));
        botSettings.save(demo.id(), false, io.beseda.bot.nlu.IntentModels.DEFAULT_THRESHOLD, java.util.Map.of());
        return demo;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
