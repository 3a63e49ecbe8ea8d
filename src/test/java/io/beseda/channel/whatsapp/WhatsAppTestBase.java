package io.beseda.channel.whatsapp;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.dispatch.Dispatcher;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.testing.BesedaTest;
import io.beseda.testing.TestWorkspaces;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the WhatsApp tests share: one application context pointed at Meta's stand-in (declared here once, so the
 * test classes share the context), a fresh shop with a WhatsApp number per test, and the customer's side.
 */
@BesedaTest
abstract class WhatsAppTestBase {

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        registry.add("beseda.channel.whatsapp.base-url", () -> MetaStandIn.server().baseUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    Outbox outbox;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    MetaStandIn meta;
    TestWorkspaces.Tenant tenant;
    WorkspaceId workspace;
    ChannelAccount account;

    @BeforeEach
    void aShopWithAWhatsAppNumber() {
        meta = new MetaStandIn(json);
        meta.acceptsMessages();
        tenant = workspaces.create("WhatsApp " + getClass().getSimpleName());
        workspace = tenant.workspace().id();
        account = MetaStandIn.connect(accounts, workspace);
    }

    static String customerNumber() {
        return "7916" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    /** The customer writes {@code text} from {@code from} at {@code at}; answers the profile it landed in. */
    CustomerId customerWrites(String from, String text, Instant at) {
        var id = MetaStandIn.wamid();
        var answer = meta.deliver(port, account, meta.messages(account, from, "Ольга",
                List.of(MetaStandIn.message(id, from, "text", Map.of("body", text), at))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new CustomerId(jdbc.sql("select customer_id from inbound_message where workspace_id = ? and provider_message_id = ?")
                .params(workspace.value(), id).query(UUID.class).single());
    }

    /** Queues a reply to a customer who just wrote, and lets the dispatcher send it. */
    MessageId replyAndDispatch(String from, String text, List<io.beseda.channel.QuickReply> buttons,
                               List<io.beseda.channel.Attachment> files) {
        var customer = customerWrites(from, "Здравствуйте", Instant.now());
        var id = outbox.queue(workspace, new OutboundMessage(customer, Channel.WHATSAPP, MessageCategory.REPLY, text, from,
                "wa-" + UUID.randomUUID(), false, Duration.ofHours(1), buttons, files));
        dispatcher.dispatchDue();
        return id;
    }

    Outbox.Entry entry(MessageId id) {
        return outbox.find(workspace, id).orElseThrow();
    }

    /** Time passes for one message: it is due now (its retry-after or pacing is over). */
    void dueNow(MessageId id) {
        jdbc.sql("update outbound_message set next_attempt_at = ? where id = ?").params(Timestamp.from(Instant.now()), id.value()).update();
    }

    long inboundCount() {
        return jdbc.sql("select count(*) from inbound_message where workspace_id = ?").param(workspace.value()).query(Long.class).single();
    }
}
