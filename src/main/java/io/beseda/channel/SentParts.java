package io.beseda.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.workspace.WorkspaceId;

/**
 * The parts of an outbound message a provider already took, for connectors that send one message as several
 * (photos, then text cut at the channel's maximum): a retry after a later part failed goes on from the first part
 * that did not go, so the customer never gets a part twice — on any node, and after a restart.
 */
@Component
public class SentParts {

    private final JdbcClient jdbc;
    private final Clock clock;

    SentParts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Part number → the provider's id for it, of the parts that went, in order. */
    public Map<Integer, String> of(WorkspaceId workspace, MessageId message) {
        var parts = new TreeMap<Integer, String>();
        jdbc.sql("select part, provider_message_id from outbound_part where workspace_id = ? and message_id = ?")
                .params(workspace.value(), message.value())
                .query((row, n) -> parts.put(row.getInt(1), row.getString(2))).list();
        return parts;
    }

    public void record(WorkspaceId workspace, MessageId message, int part, String providerMessageId) {
        jdbc.sql("""
                insert into outbound_part (workspace_id, message_id, part, provider_message_id, sent_at) values (?, ?, ?, ?, ?)
                on conflict (message_id, part) do nothing""")
                .params(workspace.value(), message.value(), part, providerMessageId, Timestamp.from(clock.instant())).update();
    }

    /** The provider id Beseda keeps for the message one of its parts belongs to (the message's, once sent). */
    public Optional<String> messageOf(WorkspaceId workspace, String partProviderId) {
        return jdbc.sql("""
                select o.provider_message_id from outbound_part p join outbound_message o on o.id = p.message_id
                where p.workspace_id = ? and p.provider_message_id = ? and o.provider_message_id is not null""")
                .params(workspace.value(), partProviderId).query(String.class).optional();
    }
}
