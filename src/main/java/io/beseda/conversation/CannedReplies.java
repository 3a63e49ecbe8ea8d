package io.beseda.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.customer.CustomerHistory;
import io.beseda.customer.Customers;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;

/**
 * The workspace's scripts. Owners and admins write them (a template that does not parse is refused);
 * everyone in the inbox finds them by shortcut or title and gets them filled in for a conversation.
 */
@Service
public class CannedReplies {

    private final JdbcClient jdbc;
    private final ReplyTemplates templates;
    private final Conversations conversations;
    private final Customers customers;
    private final CustomerHistory history;
    private final Clock clock;

    CannedReplies(JdbcClient jdbc, ReplyTemplates templates, Conversations conversations, Customers customers,
                  CustomerHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.conversations = conversations;
        this.customers = customers;
        this.history = history;
        this.clock = clock;
    }

    /** All scripts by shortcut, or those whose shortcut or title contains {@code query}. */
    public List<CannedReply> list(WorkspaceId workspace, @Nullable String query) {
        var like = query == null || query.isBlank() ? null : "%" + query.strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select * from canned_reply where workspace_id = ?
                  and (?::text is null or shortcut like ? or lower(title) like ?) order by shortcut""")
                .params(workspace.value(), like, like, like).query(CannedReplies::map).list();
    }

    public CannedReply get(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from canned_reply where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(CannedReplies::map).optional().orElseThrow(() -> new NotFoundException("Canned reply", id));
    }

    @Transactional
    public CannedReply create(Actor actor, CannedReplyDraft draft) {
        InboxPermissions.requireManager(actor);
        templates.parse(draft.body());
        var id = UUID.randomUUID();
        try {
            jdbc.sql("insert into canned_reply (id, workspace_id, shortcut, title, body, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, actor.workspaceId().value(), draft.shortcut(), draft.title(), draft.body(),
                            Timestamp.from(clock.instant()), Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw shortcutTaken();
        }
        return get(actor.workspaceId(), id);
    }

    @Transactional
    public CannedReply update(Actor actor, UUID id, CannedReplyDraft draft) {
        InboxPermissions.requireManager(actor);
        get(actor.workspaceId(), id);
        templates.parse(draft.body());
        try {
            jdbc.sql("update canned_reply set shortcut = ?, title = ?, body = ?, updated_at = ? where workspace_id = ? and id = ?")
                    .params(draft.shortcut(), draft.title(), draft.body(), Timestamp.from(clock.instant()),
                            actor.workspaceId().value(), id).update();
        } catch (DuplicateKeyException e) {
            throw shortcutTaken();
        }
        return get(actor.workspaceId(), id);
    }

    @Transactional
    public void delete(Actor actor, UUID id) {
        InboxPermissions.requireManager(actor);
        get(actor.workspaceId(), id);
        jdbc.sql("delete from canned_reply where workspace_id = ? and id = ?").params(actor.workspaceId().value(), id).update();
    }

    /** The script filled in for this conversation's customer and this operator, as plain text for the composer. */
    public String render(Actor actor, UUID conversationId, UUID cannedReplyId) {
        var conversation = conversations.get(actor.workspaceId(), conversationId);
        var reply = get(actor.workspaceId(), cannedReplyId);
        return templates.render(reply.body(), variables(actor, conversation));
    }

    private Map<String, Object> variables(Actor actor, Conversation conversation) {
        var customer = new HashMap<String, Object>();
        customers.find(actor.workspaceId(), conversation.customer()).map(c -> c.name()).filter(n -> !n.isBlank()).ifPresent(name -> {
            customer.put("name", name.strip());
            customer.put("first_name", name.strip().split("\\s+")[0]);
        });
        var order = new HashMap<String, Object>();
        history.orders(actor.workspaceId(), conversation.customer()).stream().findFirst()
                .ifPresent(last -> order.put("number", last.orderId()));
        return Map.of("customer", customer, "order", order, "operator", Map.of("name", actor.name()));
    }

    private static RuleViolationException shortcutTaken() {
        return new RuleViolationException("canned-reply.shortcut.taken", "A canned reply with this shortcut already exists");
    }

    private static CannedReply map(ResultSet row, int n) throws SQLException {
        return new CannedReply(row.getObject("id", UUID.class), row.getString("shortcut"), row.getString("title"),
                row.getString("body"), row.getTimestamp("updated_at").toInstant());
    }
}
