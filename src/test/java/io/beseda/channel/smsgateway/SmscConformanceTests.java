package io.beseda.channel.smsgateway;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelAccounts;
import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.conformance.ConnectorConformance;
import io.beseda.consent.Channel;
import io.beseda.testing.BesedaTest;
import io.beseda.workspace.WorkspaceId;

/**
 * The SMSC.ru connector passes the connector kit against WireMock speaking SMSC.ru's HTTP API. SMS carries no
 * files or buttons, so the kit skips them; {@link SmscConnectorTests} shows the links and numbered answers instead.
 */
@BesedaTest
@Import(SmscStandIn.class)
class SmscConformanceTests extends ConnectorConformance {

    @LocalServerPort
    int port;

    @Autowired
    ChannelAccounts accounts;

    @BeforeEach
    void smscAnswers() {
        SmscStandIn.answersAsSmsc();
    }

    @Override
    protected ChannelAccount connect(WorkspaceId workspace) {
        return accounts.add(workspace, Channel.SMS, SmscConnectorFactory.PROVIDER, "SMSC.ru магазина",
                Map.of("apiKey", SmscStandIn.API_KEY, "sender", "MagazinDoma", "callbackToken", SmscStandIn.SECRET), 10);
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
    protected int deliver(ChannelAccount account, CustomerSends message, boolean signedCorrectly) {
        return SmscStandIn.callback(port, account.id(), signedCorrectly ? SmscStandIn.SECRET : "a-secret-of-another-account-00",
                SmscStandIn.incoming(message.providerMessageId(), message.from(), String.valueOf(message.text()))).statusCode();
    }

    @Override
    protected ProviderCopy received(ChannelAccount account, MessageId message) {
        var providerId = outbox.find(workspace, message).orElseThrow().providerMessageId();
        var sent = SmscStandIn.sentAs(providerId.substring(0, providerId.indexOf(':')));
        return new ProviderCopy(sent.get("mes"), List.of(), List.of());
    }

    @Override
    protected int receipt(ChannelAccount account, String providerMessageId, MessageStatus status) {
        var idAndPhone = providerMessageId.split(":");
        return SmscStandIn.callback(port, account.id(), SmscStandIn.SECRET,
                SmscStandIn.status(idAndPhone[0], idAndPhone[1], status == MessageStatus.READ ? 2 : 1, 0)).statusCode();
    }
}
