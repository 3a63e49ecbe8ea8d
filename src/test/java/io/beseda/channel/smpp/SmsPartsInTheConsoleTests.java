package io.beseda.channel.smpp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.Http;
import io.beseda.testing.TestWorkspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An operator sees what an SMS will cost as they type it, and the sandbox shows how each SMS went out. */
@BesedaTest
class SmsPartsInTheConsoleTests {

    static final String TWO_HUNDRED = "Здравствуйте! Ваш заказ собран и ждёт вас в магазине на Тверской. ".repeat(4).substring(0, 200);

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    Customers customers;
    @Autowired
    Outbox outbox;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    InboundMessages inbound;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theComposerOfAnSmsThreadCountsPartsEncodingAndPrice() {
        var tenant = workspaces.create("SMS-композер");
        var ws = tenant.workspace().id();
        var phone = "+7905" + (1_000_000 + Math.abs(UUID.randomUUID().hashCode() % 8_999_999));
        inbound.receive(ws, new InboundMessage(Channel.SMS, "sms-" + UUID.randomUUID(), Identity.phone(phone), null,
                "Когда привезут?", List.of(), null, Instant.now()));
        var conversation = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select id from conversation where workspace_id = ?").param(ws.value()).query(UUID.class).optional(),
                java.util.Optional::isPresent).orElseThrow();
        var console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);

        assertThat(console.get("/inbox/" + conversation).body()).contains("id=\"sms-parts\"");
        assertThat(label(console, TWO_HUNDRED)).isEqualTo("3 части · UCS-2 · ≈ 10,50 ₽");
        assertThat(label(console, "a".repeat(160))).isEqualTo("1 часть · GSM-7 · ≈ 3,50 ₽");
        assertThat(label(console, "€".repeat(81))).isEqualTo("2 части · GSM-7 · ≈ 7,00 ₽");
        assertThat(label(console, "я".repeat(66) + "😀" + "я".repeat(10))).isEqualTo("2 части · UCS-2 · ≈ 7,00 ₽");

        var centre = accounts.add(ws, Channel.SMS, SmppConnectorFactory.PROVIDER, "SMS-центр", Map.of("host", "localhost", "port", 1,
                "systemId", "shop", "password", "secret", "sender", "MyShop", "pricePerPart", "2.10"), 10);
        assertThat(label(console, "я".repeat(67 * 4 + 1))).isEqualTo("5 частей · UCS-2 · ≈ 10,50 ₽");
        // no SMS centre listens on port 1: switched off, the account stops trying to bind for the rest of the run
        accounts.setEnabled(ws, centre.id(), false);
    }

    @Test
    void aMessengerThreadShowsNoSmsCount() {
        var tenant = workspaces.create("Не SMS");
        var ws = tenant.workspace().id();
        inbound.receive(ws, new InboundMessage(Channel.TELEGRAM, "tg-" + UUID.randomUUID(),
                Identity.of(io.beseda.customer.IdentityKind.TELEGRAM, "12345"), null, "Привет", List.of(), null, Instant.now()));
        var conversation = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select id from conversation where workspace_id = ?").param(ws.value()).query(UUID.class).optional(),
                java.util.Optional::isPresent).orElseThrow();
        var console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);

        assertThat(console.get("/inbox/" + conversation).body()).doesNotContain("id=\"sms-parts\"");
    }

    @Test
    void theSandboxShowsHowAnSmsWentOut() {
        var tenant = workspaces.create("SMS-песочница");
        var ws = tenant.workspace().id();
        var phone = "+7905" + (1_000_000 + Math.abs(UUID.randomUUID().hashCode() % 8_999_999));
        var customer = customers.resolve(ws, List.of(Identity.phone(phone)), Instant.now()).orElseThrow();
        accounts.add(ws, Channel.SMS, "sandbox", "Песочница SMS", Map.of(), 10);
        outbox.queue(ws, new OutboundMessage(customer, Channel.SMS, MessageCategory.SERVICE, TWO_HUNDRED, phone,
                "sandbox-sms-" + UUID.randomUUID(), false, Duration.ofHours(1)));
        dispatcher.dispatchDue();
        var console = Http.console(port);
        console.signIn(tenant.owner().email(), TestWorkspaces.PASSWORD);

        assertThat(console.get("/sandbox").body()).contains("SMS: частей — 3, UCS-2; в последней части ещё 1 симв.");
    }

    private static String label(Http console, String text) {
        var response = console.get("/inbox/sms-parts?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        var body = response.body();
        var at = body.indexOf("\"label\":\"") + 9;
        return body.substring(at, body.indexOf('"', at));
    }
}
