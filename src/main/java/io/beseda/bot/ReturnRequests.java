package io.beseda.bot;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.channel.Attachment;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Return requests the bot opened: who, which order, what is wrong in their words, the photos. */
@Service
public class ReturnRequests {

    public record ReturnRequest(UUID id, long number, CustomerId customer, UUID conversationId, @Nullable String orderNumber,
                                String reason, List<Attachment> photos, String status, Instant createdAt) {
    }

    private static final TypeReference<List<Attachment>> PHOTOS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ReturnRequests(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    ReturnRequest open(WorkspaceId workspace, CustomerId customer, UUID conversation, Outcome.ReturnRequestDraft draft) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into return_request (id, workspace_id, customer_id, conversation_id, order_number, reason, photos, created_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(id, workspace.value(), customer.value(), conversation, draft.orderNumber(), draft.reason(),
                        json.writeValueAsString(draft.photos()), Timestamp.from(clock.instant()))
                .update();
        return list(workspace, 1, id).getFirst();
    }

    public List<ReturnRequest> list(WorkspaceId workspace, int limit) {
        return list(workspace, limit, null);
    }

    private List<ReturnRequest> list(WorkspaceId workspace, int limit, @Nullable UUID only) {
        return jdbc.sql("""
                select * from return_request where workspace_id = ? and (?::uuid is null or id = ?) order by created_at desc limit ?""")
                .params(workspace.value(), only, only, limit)
                .query((row, n) -> new ReturnRequest(row.getObject("id", UUID.class), row.getLong("number"),
                        new CustomerId(row.getObject("customer_id", UUID.class)), row.getObject("conversation_id", UUID.class),
                        row.getString("order_number"), row.getString("reason"), json.readValue(row.getString("photos"), PHOTOS),
                        row.getString("status"), row.getTimestamp("created_at").toInstant()))
                .list();
    }
}
