package io.beseda.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;

import static org.assertj.core.api.Assertions.assertThat;

@BesedaTest
@RecordApplicationEvents
class OutboundDispatchTests {

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
    ScriptedConnectorFactory scripted;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEvents events;

    private WorkspaceId workspace;
    private CustomerId customer;
    private String vkAccount;

    @BeforeEach
    void aShopWithASandboxAndAScriptedProvider() {
        workspace = workspaces.create("Отправка").workspace().id();
        customer = customers.resolve(workspace, List.of(Identity.phone("+7 916 " + (1_000_000 + new java.util.Random().nextInt(8_999_999)))),
                Instant.now()).orElseThrow();
        accounts.add(workspace, Channel.SMS, "sandbox", "Песочница SMS", Map.of(), 2);
        vkAccount = "vk-" + UUID.randomUUID();
        accounts.add(workspace, Channel.VK, ScriptedConnectorFactory.PROVIDER, vkAccount, Map.of(), 100);
    }

    @Test
    void queuingTwiceWithOneKeyQueuesOneMessage() {
        var first = outbox.queue(workspace, message(Channel.SMS, MessageCategory.SERVICE, "order-42-shipped"));
        var second = outbox.queue(workspace, message(Channel.SMS, MessageCategory.SERVICE, "order-42-shipped"));

        assertThat(second).isEqualTo(first);
        assertThat(count("select count(*) from outbound_message where workspace_id = ?")).isEqualTo(1);
    }

    @Test
    void aServiceMessageGoesOutThroughTheSandboxAndSaysSo() {
        var id = outbox.queue(workspace, message(Channel.SMS, MessageCategory.SERVICE, "k1"));

        dispatcher.dispatchDue();

        assertThat(outbox.find(workspace, id)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(MessageStatus.SENT);
            assertThat(e.providerMessageId()).isEqualTo("sandbox-" + id);
        });
        assertThat(count("select count(*) from sandbox_message where workspace_id = ?")).isEqualTo(1);
        assertThat(events.stream(MessageStatusChanged.class).filter(e -> e.messageId().equals(id)).map(MessageStatusChanged::status))
                .containsExactly(MessageStatus.QUEUED, MessageStatus.SENT);
    }

    @Test
    void marketingWithoutConsentIsNeverSentAndSaysWhy() {
        var id = outbox.queue(workspace, message(Channel.SMS, MessageCategory.MARKETING, "promo-1"));

        dispatcher.dispatchDue();

        assertThat(outbox.find(workspace, id)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(e.failureReason()).contains("CONSENT");
        });
        assertThat(count("select count(*) from sandbox_message where workspace_id = ?")).isZero();
        assertThat(count("select count(*) from send_decision where workspace_id = ? and outcome = 'DENY' and not dry_run")).isEqualTo(1);
    }

    @Test
    void dispatchersRacingOverOneQueueSendEachMessageOnce() throws Exception {
        var ids = new java.util.ArrayList<MessageId>();
        for (int i = 0; i < 300; i++) {
            ids.add(outbox.queue(workspace, message(Channel.VK, MessageCategory.SERVICE, "race-" + i)));
        }

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var rounds = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < 4; t++) {
                rounds.add(pool.submit(() -> {
                    while (ids.stream().anyMatch(id -> outbox.find(workspace, id).orElseThrow().status() != MessageStatus.SENT)) {
                        dispatcher.dispatchDue();
                    }
                    return null;
                }));
            }
            for (var round : rounds) {
                round.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        }

        assertThat(ids).allSatisfy(id -> assertThat(scripted.sendsOf(id)).as("sends of " + id).isEqualTo(1));
    }

    @Test
    void customersAreServedSideBySideAndEachGetsTheirMessagesInOrder() {
        var shop = workspaces.create("Параллельно").workspace().id();
        accounts.add(shop, Channel.VK, ScriptedConnectorFactory.PROVIDER, "slow-" + UUID.randomUUID(), Map.of(), 1_000);
        var buyers = new java.util.ArrayList<CustomerId>();
        for (int c = 0; c < 6; c++) {
            buyers.add(customers.resolve(shop, List.of(Identity.phone("+7 917 " + (1_000_000 + new java.util.Random().nextInt(8_999_999)))),
                    Instant.now()).orElseThrow());
        }
        for (int i = 0; i < 8; i++) {
            for (var buyer : buyers) {
                outbox.queue(shop, new OutboundMessage(buyer, Channel.VK, MessageCategory.SERVICE, "Сообщение " + i, null,
                        "order-" + buyer.value() + "-" + i, false, Duration.ofDays(1)));
            }
        }

        assertThat(dispatcher.dispatchDue()).isEqualTo(48);

        var expected = java.util.stream.IntStream.range(0, 8).mapToObj(i -> "Сообщение " + i).toList();
        assertThat(buyers).allSatisfy(buyer -> assertThat(scripted.bodiesTo(buyer)).isEqualTo(expected));
        assertThat(JdbcClient.create(dataSource).sql("select count(*) from outbound_message where workspace_id = ? and status = 'SENT'")
                .param(shop.value()).query(Integer.class).single()).isEqualTo(48);
    }

    @Test
    void aTransientFailureIsRetriedLaterAndThenSent() {
        scripted.script(vkAccount, new SendResult.Transient("HTTP 503", null));
        var id = outbox.queue(workspace, message(Channel.VK, MessageCategory.SERVICE, "k2"));

        dispatcher.dispatchDue();

        assertThat(outbox.find(workspace, id)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.failureDetail()).isEqualTo("HTTP 503");
        });
        var wait = nextAttemptIn(id);
        assertThat(wait).isBetween(Duration.ofMillis(2_000), Duration.ofSeconds(6));

        makeDue(id);
        dispatcher.dispatchDue();

        assertThat(outbox.find(workspace, id)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(MessageStatus.SENT);
            assertThat(e.attempts()).isEqualTo(2);
        });
    }

    @Test
    void theProvidersRetryAfterIsHonoured() {
        scripted.script(vkAccount, new SendResult.Transient("429 Too Many Requests", Duration.ofSeconds(90)));
        var id = outbox.queue(workspace, message(Channel.VK, MessageCategory.SERVICE, "k3"));

        dispatcher.dispatchDue();

        assertThat(nextAttemptIn(id)).isBetween(Duration.ofSeconds(85), Duration.ofSeconds(90));
    }

    @Test
    void aMessageThatCannotGoOutBeforeItsDeadlineFailsWithTheReason() {
        scripted.script(vkAccount, new SendResult.Transient("gateway down", Duration.ofHours(2)));
        var id = outbox.queue(workspace, new OutboundMessage(customer, Channel.VK, MessageCategory.SERVICE, "Ваш заказ в пути",
                null, "k4", false, Duration.ofHours(1)));

        dispatcher.dispatchDue();

        assertThat(outbox.find(workspace, id)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(e.failureReason()).isEqualTo("GAVE_UP");
            assertThat(e.failureDetail()).contains("gateway down");
        });
        assertThat(events.stream(MessageStatusChanged.class).filter(e -> e.messageId().equals(id)).map(MessageStatusChanged::status))
                .endsWith(MessageStatus.FAILED);
    }

    @Test
    void aPermanentRejectionFailsAtOnce() {
        scripted.script(vkAccount, new SendResult.Permanent("user blocked the community"));
        var id = outbox.queue(workspace, message(Channel.VK, MessageCategory.SERVICE, "k5"));

        dispatcher.dispatchDue();

        assertThat(outbox.find(workspace, id)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(e.failureReason()).isEqualTo("REJECTED");
        });
    }

    @Test
    void theAccountsRateLimitHoldsBackWhatExceedsIt() {
        var ids = List.of("r1", "r2", "r3", "r4", "r5").stream()
                .map(key -> outbox.queue(workspace, message(Channel.SMS, MessageCategory.SERVICE, key))).toList();

        dispatcher.dispatchDue();

        var statuses = ids.stream().map(id -> outbox.find(workspace, id).orElseThrow().status()).toList();
        assertThat(statuses).filteredOn(s -> s == MessageStatus.SENT).hasSize(2);
        assertThat(statuses).filteredOn(s -> s == MessageStatus.QUEUED).hasSize(3);
    }

    @Test
    void aChannelWithoutAnAccountFailsWithTheReason() {
        var id = outbox.queue(workspace, message(Channel.EMAIL, MessageCategory.SERVICE, "k6"));

        dispatcher.dispatchDue();

        assertThat(outbox.find(workspace, id)).hasValueSatisfying(e -> assertThat(e.failureReason()).isEqualTo("NO_ACCOUNT"));
    }

    private OutboundMessage message(Channel channel, MessageCategory category, String key) {
        return new OutboundMessage(customer, channel, category, "Заказ №42 передан в доставку", null, key, false, Duration.ofDays(1));
    }

    private Duration nextAttemptIn(MessageId id) {
        var at = jdbc().sql("select next_attempt_at from outbound_message where id = ?").param(id.value())
                .query(java.sql.Timestamp.class).single().toInstant();
        return Duration.between(Instant.now(), at);
    }

    private void makeDue(MessageId id) {
        jdbc().sql("update outbound_message set next_attempt_at = now() - interval '1 second' where id = ?").param(id.value()).update();
    }

    private int count(String sql) {
        return jdbc().sql(sql).param(workspace.value()).query(Integer.class).single();
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
