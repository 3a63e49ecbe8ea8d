package io.beseda.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.CustomerTyping;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Browser;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.Role;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An operator works the inbox in Chromium: things arrive and move without a reload. */
@BesedaTest
class InboxBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    InboundMessages inbound;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    Conversations conversations;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aNewMessageAppearsLiveAndTheReplyGoesOutWithItsStatusMoving() {
        var tenant = workspaces.create("Живые входящие");
        var ws = tenant.workspace().id();
        accounts.add(ws, Channel.TELEGRAM, "sandbox", "Бот магазина", Map.of(), 10);
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var page = signedIn(operator.email());
        var dialogs = dialogs(page);
        page.navigate("/inbox?tab=all");
        assertThat(page.locator("#inbox[data-stream=open]")).hasCount(1);
        page.evaluate("window.sameDocument = true");

        inbound.receive(ws, new InboundMessage(Channel.TELEGRAM, "live-" + tenant.unique(),
                Identity.of(IdentityKind.TELEGRAM, "live-" + tenant.unique()), null, "<script>alert(1)</script> Где заказ?",
                List.of(), null, Instant.now()));

        var row = page.locator("#rows tr.inbox-row");
        assertThat(row).hasCount(1);
        assertThat(row.locator(".unread-badge")).hasText("1");
        assertThat(row.locator(".preview-text")).hasText("<script>alert(1)</script> Где заказ?");
        assertThat(page.locator("#inbox-tabs [data-tab=unassigned] .count")).hasText("1");

        var conversation = row.getAttribute("data-conversation");
        row.locator("a.open").click();
        page.waitForURL("**/inbox/" + conversation);
        var thread = page.locator("#thread[data-stream=open]");
        assertThat(thread).hasCount(1);
        assertThat(page.locator("#messages li.message.in .text")).hasText("<script>alert(1)</script> Где заказ?");

        page.locator("#composer-text").fill("Заказ уже едет, курьер позвонит");
        page.locator("#composer-text").press("Enter");
        var reply = page.locator("#messages li.message.out");
        assertThat(reply).hasCount(1);
        assertThat(reply.locator(".text")).hasText("Заказ уже едет, курьер позвонит");
        assertThat(reply.locator(".delivery-state")).hasText("в очереди");
        assertThat(page.locator("#composer-text")).hasValue("");

        dispatcher.dispatchDue();
        assertThat(reply.locator(".delivery-state")).hasText("отправлено");
        assertThat(page.evaluate("window.sameDocument === true")).as("no reload on the way").isEqualTo(true);
        assertThat(dialogs).as("nothing the customer wrote ran").isEmpty();
    }

    @Test
    void aNoteStaysPrivateAPhotoShowsAsAThumbnailAndTheCustomerIsSeenTyping() {
        var tenant = workspaces.create("Заметки и фото");
        var operator = workspaces.addUser(tenant, Role.OPERATOR);
        var conversation = fixtures.customerWrites(tenant, Channel.TELEGRAM, "vera", "Кеды пришли с браком");
        var page = signedIn(operator.email());
        page.navigate("/inbox/" + conversation);
        assertThat(page.locator("#thread[data-stream=open]")).hasCount(1);

        page.locator("#note-mode").check();
        assertThat(page.locator(".note-banner")).isVisible();
        assertThat(page.locator("#send-reply")).isHidden();
        page.locator("#composer-text").fill("Проверить партию у поставщика");
        page.locator("#send-note").click();
        var note = page.locator("#messages li.message.note");
        assertThat(note.locator(".text")).hasText("Проверить партию у поставщика");
        assertThat(note.locator(".private-badge")).containsText("покупатель её не видит");
        assertThat(fixtures.outbound(tenant)).as("a note is never queued for the customer").isZero();

        page.locator("#note-mode").uncheck();
        page.locator("#composer-files").setInputFiles(new FilePayload("брак.png", "image/png", InboxFixtures.photo()));
        page.locator("#composer-text").fill("Пришлите, пожалуйста, фото чека; вот как видим брак мы");
        page.locator("#send-reply").click();
        var photo = page.locator("#messages li.message.out img.thumb");
        assertThat(photo).isVisible();
        assertThat(photo).hasAttribute("alt", "брак.png");

        page.locator("#composer-files").setInputFiles(new FilePayload("огромный.png", "image/png", new byte[11 * 1024 * 1024]));
        page.locator("#composer-text").fill("Ещё одно");
        page.locator("#send-reply").click();
        assertThat(page.locator("#composer-error")).containsText("Файл слишком большой");

        events.publishEvent(new CustomerTyping(tenant.workspace().id(),
                conversations.get(tenant.workspace().id(), conversation).customer(), Channel.TELEGRAM));
        assertThat(page.locator("#customer-typing")).isVisible();
    }

    private Page signedIn(String email) {
        return browser.signedIn("http://localhost:" + port, email);
    }

    private static List<String> dialogs(Page page) {
        var dialogs = new ArrayList<String>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        return dialogs;
    }
}
