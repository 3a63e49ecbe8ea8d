package io.beseda.channel.webchat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.channel.MessageId;
import io.beseda.channel.MessageStatus;
import io.beseda.channel.MessageStatusChanged;
import io.beseda.channel.Receipts;
import io.beseda.consent.Channel;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;
import io.beseda.shared.AfterCommit;

/**
 * Delivery and read receipts of the web chat. A push happens inside the connector, before the dispatcher
 * has recorded the message as SENT, and a receipt only moves a SENT message on; so a pushed message is
 * remembered and marked DELIVERED right after its SENT commits. READ comes from the widget while it is
 * open and visible.
 */
@Component
class WebChatReceipts {

    private final Set<UUID> pushed = ConcurrentHashMap.newKeySet();
    private final Receipts receipts;
    private final JdbcClient jdbc;
    private final TransactionTemplate separate;

    WebChatReceipts(Receipts receipts, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.receipts = receipts;
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    static String providerMessageId(MessageId id) {
        return "webchat-" + id;
    }

    void pushed(MessageId id) {
        pushed.add(id.value());
    }

    /** Synchronous on purpose: it only schedules the receipt for after the dispatcher's commit. */
    @EventListener
    void on(MessageStatusChanged changed) {
        if (changed.status() != MessageStatus.SENT || changed.channel() != Channel.WEBCHAT || !pushed.remove(changed.messageId().value())) {
            return;
        }
        AfterCommit.run(() -> separate.executeWithoutResult(s ->
                receipts.record(changed.workspaceId(), providerMessageId(changed.messageId()), MessageStatus.DELIVERED)));
    }

    /** The visitor has the chat open and in view: everything the shop sent them is read. */
    int read(WorkspaceId workspace, CustomerId customer) {
        var unread = jdbc.sql("""
                select provider_message_id from outbound_message
                where workspace_id = ? and customer_id = ? and channel = 'WEBCHAT' and status in ('SENT', 'DELIVERED')
                  and provider_message_id is not null order by created_at desc limit 100""")
                .params(workspace.value(), customer.value()).query(String.class).list();
        unread.forEach(id -> receipts.record(workspace, id, MessageStatus.READ));
        return unread.size();
    }
}
