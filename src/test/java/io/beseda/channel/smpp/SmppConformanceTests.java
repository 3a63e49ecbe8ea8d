package io.beseda.channel.smpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jsmpp.bean.MessageState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.conformance.ConnectorConformance;
import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.workspace.WorkspaceId;

import static org.awaitility.Awaitility.await;

/**
 * The SMPP connector against an SMS centre on jSMPP's server classes passes the connector kit: customers' SMS come in
 * as deliver_sm (UCS-2 here), what we send is read back from the submit_sm the centre took, receipts are deliver_sm
 * with receipted_message_id and message_state.
 */
@BesedaTest
@TestPropertySource(properties = {"beseda.channel.smpp.reconnect-min=200ms", "beseda.channel.smpp.reconnect-max=1s"})
class SmppConformanceTests extends ConnectorConformance {

    static SmscStandIn smsc;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    SmppLinks links;

    private final Map<String, String> storedIds = new ConcurrentHashMap<>();

    @BeforeAll
    static void startTheSmsCentre() throws IOException {
        smsc = new SmscStandIn();
    }

    @AfterAll
    static void stopTheSmsCentre() throws IOException {
        smsc.close();
    }

    /** The test's SMS centre account lets go of its bind: left enabled, it would retry for the rest of the run. */
    @org.junit.jupiter.api.AfterEach
    void letGoOfTheSmsCentre() {
        accounts.list(workspace).forEach(a -> accounts.setEnabled(workspace, a.id(), false));
        links.lookOver();
    }

    static ChannelAccount smppAccount(ChannelAccounts accounts, SmppLinks links, WorkspaceId workspace, Map<String, Object> extra) {
        var systemId = "b" + UUID.randomUUID().toString().substring(0, 8);
        smsc.account(systemId, "pw" + systemId.substring(1, 5));
        var settings = new java.util.HashMap<String, Object>(Map.of("host", "localhost", "port", smsc.port, "systemId", systemId,
                "password", "pw" + systemId.substring(1, 5), "sender", "MyShop"));
        settings.putAll(extra);
        var account = accounts.add(workspace, Channel.SMS, SmppConnectorFactory.PROVIDER, "SMS-центр", settings, 10);
        links.link(account);
        await().atMost(Duration.ofSeconds(10)).until(() -> smsc.bound(systemId));
        return account;
    }

    static String systemId(ChannelAccount account) {
        return String.valueOf(account.settings().get("systemId"));
    }

    @Override
    protected ChannelAccount connect(WorkspaceId workspace) {
        return smppAccount(accounts, links, workspace, Map.of());
    }

    @Override
    protected int deliver(ChannelAccount account, CustomerSends message, boolean signedCorrectly) {
        var status = smsc.deliver(systemId(account), message.from(), (byte) 0, SmsText.UCS2,
                String.valueOf(message.text()).getBytes(StandardCharsets.UTF_16BE));
        if (status != 0) {
            return 400;
        }
        storedIds.put(message.providerMessageId(), jdbc.sql("""
                select provider_message_id from inbound_message where workspace_id = ? and sender = ?
                order by received_at desc limit 1""").params(workspace.value(), "+" + message.from()).query(String.class).single());
        return 200;
    }

    @Override
    protected String storedId(String providerMessageId) {
        return storedIds.getOrDefault(providerMessageId, providerMessageId);
    }

    @Override
    protected String replyAddress(String from) {
        return "+" + from;
    }

    @Override
    protected ProviderCopy received(ChannelAccount account, MessageId message) {
        var partIds = jdbc.sql("select part_message_id from smpp_part where message_id = ? order by seq").param(message.value())
                .query(String.class).list();
        var text = new StringBuilder();
        for (var id : partIds) {
            smsc.submittedBy(systemId(account)).stream().filter(s -> s.messageId().equals(id)).forEach(s -> text.append(s.text()));
        }
        return new ProviderCopy(text.toString(), java.util.List.of(), java.util.List.of());
    }

    @Override
    protected int receipt(ChannelAccount account, String providerMessageId, MessageStatus status) {
        // an SMS centre reports each part of a long SMS: the message is delivered when all its parts are
        var parts = jdbc.sql("select part_message_id from smpp_part where account_id = ? and message_id = "
                        + "(select message_id from smpp_part where account_id = ? and part_message_id = ?) order by seq")
                .params(account.id(), account.id(), providerMessageId).query(String.class).list();
        int worst = 0;
        for (var part : parts) {
            worst = Math.max(worst, smsc.receipt(systemId(account), part, "DELIVRD", MessageState.DELIVERED));
        }
        return worst == 0 ? 200 : 400;
    }

    @Override
    protected boolean reportsReads() {
        return false;
    }

    @Override
    protected boolean carriesFiles() {
        return false;
    }

    @Override
    protected boolean carriesButtons() {
        return false;
    }

    @Override
    protected String whyNothingCanBeForged() {
        return "SMPP has no webhook to forge: customers' SMS arrive only over the session Beseda opened to the SMS centre "
                + "and authenticated with bind_transceiver (see SmppConnectorTests.aWrongPasswordBindsNothingAndTakesNothingIn)";
    }
}
