package io.beseda.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
class SandboxPhoneTests {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Customers customers;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    Outbox outbox;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCustomerSeesButtonsPressesOneAndReadsTheMessage() {
        var tenant = workspaces.create("Песочница-телефон");
        var ws = tenant.workspace().id();
        var address = "tg-" + UUID.randomUUID();
        var customer = customers.resolve(ws, List.of(Identity.of(IdentityKind.TELEGRAM, address)), Instant.now()).orElseThrow();
        accounts.add(ws, Channel.TELEGRAM, "sandbox", "Песочница", Map.of(), 10);
        var id = outbox.queue(ws, new OutboundMessage(customer, Channel.TELEGRAM, MessageCategory.SERVICE,
                "Оцените <b>нас</b>", address, "sandbox-phone-1", false, Duration.ofHours(1),
                List.of(new QuickReply("5 — отлично", "csat:x:5")), List.of()));
        dispatcher.dispatchDue();
        var console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);

        var page = console.get("/sandbox").body();
        assertThat(page).contains("Оцените &lt;b&gt;нас&lt;/b&gt;").doesNotContain("<b>нас</b>").contains("5 — отлично");

        console.submit("/sandbox", "/sandbox/reply", Map.of("channel", "TELEGRAM", "address", address, "text", "5 — отлично",
                "button", "csat:x:5"));
        assertThat(jdbc.sql("select button_payload from inbound_message where workspace_id = ?").param(ws.value())
                .query(String.class).single()).isEqualTo("csat:x:5");

        console.submit("/sandbox", "/sandbox/read", Map.of("providerMessageId", outbox.find(ws, id).orElseThrow().providerMessageId()));
        assertThat(outbox.find(ws, id).orElseThrow().status()).isEqualTo(MessageStatus.READ);
    }

    @Test
    void aSubjectIsShownAboveTheTextAsTextAndAMessageWithoutOneShowsNone() {
        var tenant = workspaces.create("Песочница-тема");
        var ws = tenant.workspace().id();
        var address = "anna-" + UUID.randomUUID() + "@customer.test";
        var customer = customers.resolve(ws, List.of(Identity.email(address)), Instant.now()).orElseThrow();
        accounts.add(ws, Channel.EMAIL, "sandbox", "Песочница", Map.of(), 10);
        outbox.queue(ws, new OutboundMessage(customer, Channel.EMAIL, MessageCategory.SERVICE, "Корзина ждёт вас", address,
                "sandbox-subject-1", false, Duration.ofHours(1), List.of(), List.of(), "Анна, <i>корзина</i> ждёт"));
        outbox.queue(ws, new OutboundMessage(customer, Channel.EMAIL, MessageCategory.SERVICE, "Без темы", address,
                "sandbox-subject-2", false, Duration.ofHours(1)));
        dispatcher.dispatchDue();
        var console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);

        var page = console.get("/sandbox").body();

        assertThat(page).containsSubsequence("<strong>Анна, &lt;i&gt;корзина&lt;/i&gt; ждёт</strong>", "Корзина ждёт вас");
        assertThat(page.split("class=\"sandbox-subject\"", -1)).as("one subject on the page").hasSize(2);
        assertThat(jdbc.sql("select count(*) from sandbox_message where workspace_id = ? and body = 'Без темы' and subject is null")
                .param(ws.value()).query(Long.class).single()).isOne();
    }

    @Test
    void linksInATextAreTappableAndEverythingElseStaysText() {
        var tenant = workspaces.create("Песочница-ссылки");
        var ws = tenant.workspace().id();
        var phone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
        var customer = customers.resolve(ws, List.of(Identity.phone(phone)), Instant.now()).orElseThrow();
        accounts.add(ws, Channel.SMS, "sandbox", "Песочница", Map.of(), 10);
        outbox.queue(ws, new OutboundMessage(customer, Channel.SMS, MessageCategory.SERVICE,
                "Корзина: https://shop.example/r/AbC_9-x. <script>alert(1)</script> javascript:alert(2)", phone,
                "sandbox-link-1", false, Duration.ofHours(1)));
        dispatcher.dispatchDue();
        var console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);

        var page = console.get("/sandbox").body();

        assertThat(page).containsPattern("Корзина: <a href=\"https://shop.example/r/AbC_9-x\"\\s+target=\"_blank\" rel=\"noopener noreferrer\">https://shop.example/r/AbC_9-x</a>\\.")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(2)")
                .doesNotContain("href=\"javascript");
    }
}
