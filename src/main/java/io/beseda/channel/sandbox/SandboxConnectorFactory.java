package io.beseda.channel.sandbox;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.SendResult;
import tools.jackson.databind.json.JsonMapper;

/** A provider for every channel that delivers into {@code sandbox_message}, where the sandbox phone reads it. */
@Component
class SandboxConnectorFactory implements ChannelConnectorFactory, io.beseda.channel.ConnectionCheck {

    static final String PROVIDER = "sandbox";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SandboxConnectorFactory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Class<? extends Record> settingsType() {
        return SandboxSettings.class;
    }

    @Override
    public Result test(ChannelAccount account) {
        return Result.ok("Песочница на связи: отправленное видно на странице «Песочница», ничего не уходит наружу.");
    }

    @Override
    public Result registerWebhook(ChannelAccount account, java.net.URI webhook) {
        return Result.ok("Песочнице регистрировать нечего: скрипты присылают сообщения на " + webhook
                + " с подписью X-Sandbox-Signature (HMAC-SHA256 тела секретом вебхука).");
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        return delivery -> {
            var id = UUID.randomUUID();
            jdbc.sql("""
                    insert into sandbox_message (id, workspace_id, message_id, channel, address, body, quick_replies, attachments, subject)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                    on conflict (workspace_id, message_id) do nothing""")
                    .params(id, delivery.workspaceId().value(), delivery.messageId().value(), account.channel().name(),
                            delivery.address(), delivery.body(), json.writeValueAsString(delivery.quickReplies()),
                            json.writeValueAsString(delivery.attachments()), delivery.subject())
                    .update();
            return new SendResult.Sent("sandbox-" + delivery.messageId());
        };
    }
}
