package io.beseda.conversation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.InboundMessage;
import io.beseda.channel.InboundMessages;
import io.beseda.consent.Channel;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.testing.TestWorkspaces.Tenant;

import static org.awaitility.Awaitility.await;

/**
 * Conversations for inbox tests: customers write through the real inbound path; what the assignment,
 * priority, label and SLA features will set is written straight into their columns.
 */
@Component
public class InboxFixtures {

    private final InboundMessages inbound;
    private final JdbcClient jdbc;

    InboxFixtures(InboundMessages inbound, JdbcClient jdbc) {
        this.inbound = inbound;
        this.jdbc = jdbc;
    }

    /** The customer {@code who} writes {@code text}; answers their conversation once it has the message. */
    public UUID customerWrites(Tenant tenant, Channel channel, String who, String text) {
        var ws = tenant.workspace().id();
        var sender = who + "-" + tenant.unique();
        var kind = channel == Channel.VK ? IdentityKind.VK : IdentityKind.TELEGRAM;
        var before = messages(tenant);
        inbound.receive(ws, new InboundMessage(channel, UUID.randomUUID().toString(), Identity.of(kind, sender), null, text,
                List.of(), null, Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> messages(tenant) > before);
        return jdbc.sql("""
                select m.conversation_id from conversation_message m join inbound_message i on i.id = m.inbound_message_id
                where m.workspace_id = ? and i.sender = ? order by m.created_at desc limit 1""")
                .params(ws.value(), sender).query(UUID.class).single();
    }

    private long messages(Tenant tenant) {
        return jdbc.sql("select count(*) from conversation_message where workspace_id = ?").param(tenant.workspace().id().value())
                .query(Long.class).single();
    }

    public void assign(UUID conversation, UUID user) {
        jdbc.sql("update conversation set assignee_id = ?, assigned_at = now() where id = ?").params(user, conversation).update();
    }

    public void set(UUID conversation, String column, Object value) {
        jdbc.sql("update conversation set " + column + " = ? where id = ?").params(value, conversation).update();
    }

    public void labels(UUID conversation, String... labels) {
        jdbc.sql("update conversation set labels = ? where id = ?").params(labels, conversation).update();
    }

    public void breached(UUID conversation, Duration ago) {
        var due = Timestamp.from(Instant.now().minus(ago));
        jdbc.sql("update conversation set response_due_at = ?, sla_breached_at = ? where id = ?").params(due, due, conversation).update();
    }

    public UUID team(Tenant tenant, String name) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into team (id, workspace_id, name) values (?, ?, ?)").params(id, tenant.workspace().id().value(), name).update();
        return id;
    }

    public long outbound(Tenant tenant) {
        return jdbc.sql("select count(*) from outbound_message where workspace_id = ?").param(tenant.workspace().id().value())
                .query(Long.class).single();
    }

    /** A real little PNG, as a phone would send a photo. */
    public static byte[] photo() {
        var image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xFF0000);
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
