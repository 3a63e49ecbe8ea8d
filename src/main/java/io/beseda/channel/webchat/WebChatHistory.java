package io.beseda.channel.webchat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.Attachment;
import io.beseda.channel.QuickReply;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web chat as the visitor sees it: what they wrote in the widget and what the shop sent them there,
 * oldest first. Messages stay under the profile that was current when they were stored, so the profiles
 * merged into the visitor's are read too: a chat started anonymously survives signing in.
 */
@Component
class WebChatHistory {

    static final int LIMIT = 100;

    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<QuickReply>> QUICK_REPLIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Customers customers;
    private final JsonMapper json;

    WebChatHistory(JdbcClient jdbc, Customers customers, JsonMapper json) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.json = json;
    }

    List<ServerFrames.Message> of(WorkspaceId workspace, CustomerId customer) {
        var newestFirst = jdbc.sql("""
                select * from (
                    select id, 'in' as direction, provider_message_id as client_id, text, attachments,
                           '[]'::jsonb as quick_replies, sent_at as at
                    from inbound_message
                    where workspace_id = :workspace and channel = 'WEBCHAT' and customer_id in (:customers)
                    union all
                    select id, 'out', null, body, attachments, quick_replies, coalesce(sent_at, created_at)
                    from outbound_message
                    where workspace_id = :workspace and channel = 'WEBCHAT' and customer_id in (:customers)
                      and status in ('SENT', 'DELIVERED', 'READ')
                ) chat order by at desc, id desc limit :limit""")
                .param("workspace", workspace.value()).param("customers", profiles(workspace, customer))
                .param("limit", LIMIT).query(this::map).list();
        var messages = new ArrayList<ServerFrames.Message>(newestFirst.reversed());
        for (int i = 0; i < messages.size() - 1; i++) {
            var m = messages.get(i);
            if (!m.quickReplies().isEmpty()) {
                messages.set(i, ServerFrames.Message.out(m.id(), m.text(), m.attachments(), List.of(), java.time.Instant.parse(m.at())));
            }
        }
        return messages;
    }

    /** The customer and every profile merged into it, however many merges ago. */
    private Set<UUID> profiles(WorkspaceId workspace, CustomerId customer) {
        var found = new LinkedHashSet<UUID>();
        var next = List.of(customer);
        for (int depth = 0; depth < 5 && !next.isEmpty(); depth++) {
            var round = new ArrayList<CustomerId>();
            for (var id : next) {
                if (found.add(id.value())) {
                    customers.merges(workspace, id).forEach(m -> round.add(m.merged()));
                }
            }
            next = round;
        }
        return found;
    }

    private ServerFrames.Message map(ResultSet row, int n) throws SQLException {
        var id = row.getObject("id", UUID.class).toString();
        var at = row.getTimestamp("at").toInstant();
        var attachments = json.readValue(row.getString("attachments"), ATTACHMENTS);
        if ("in".equals(row.getString("direction"))) {
            return ServerFrames.Message.in(id, clientId(row.getString("client_id")), row.getString("text"), attachments, at);
        }
        return ServerFrames.Message.out(id, row.getString("text"), attachments, json.readValue(row.getString("quick_replies"), QUICK_REPLIES), at);
    }

    /** The widget's own id: the provider id is {@code visitor:clientId}, scoped so visitors cannot collide. */
    static String clientId(String providerMessageId) {
        var colon = providerMessageId.indexOf(':');
        return colon < 0 ? providerMessageId : providerMessageId.substring(colon + 1);
    }
}
