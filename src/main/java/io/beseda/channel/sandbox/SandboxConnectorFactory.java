package io.beseda.channel.sandbox;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelConnector;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.SendResult;

/** A provider for every channel that delivers into {@code sandbox_message}, where the sandbox phone reads it. */
@Component
class SandboxConnectorFactory implements ChannelConnectorFactory {

    static final String PROVIDER = "sandbox";

    private final JdbcClient jdbc;

    SandboxConnectorFactory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ChannelConnector create(ChannelAccount account) {
        return delivery -> {
            var id = UUID.randomUUID();
            jdbc.sql("""
                    insert into sandbox_message (id, workspace_id, message_id, channel, address, body) values (?, ?, ?, ?, ?, ?)
                    on conflict (workspace_id, message_id) do nothing""")
                    .params(id, delivery.workspaceId().value(), delivery.messageId().value(), account.channel().name(),
                            delivery.address(), delivery.body())
                    .update();
            return new SendResult.Sent("sandbox-" + delivery.messageId());
        };
    }
}
