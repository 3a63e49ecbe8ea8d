package io.beseda.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.channel.Attachment;
import io.beseda.channel.MessageTemplate;
import io.beseda.channel.OutboundMessage;
import io.beseda.channel.Outbox;
import io.beseda.channel.QuickReply;
import io.beseda.channel.TemplateCall;
import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.customer.CustomerId;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Threads and what is said in them. A customer's message finds (or starts) their one thread and reopens
 * it if it was resolved; an operator's reply is queued in the outbox to the channel the customer last
 * wrote from; a note stays inside the shop.
 */
@Service
public class Conversations {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Inboxes inboxes;
    private final ConversationLifecycle lifecycle;
    private final JsonMapper json;
    private final ObjectProvider<ConversationHolder> holder;
    private final AutomaticMessages automatic;

    Conversations(JdbcClient jdbc, Outbox outbox, ApplicationEventPublisher events, Clock clock, Inboxes inboxes,
                  ConversationLifecycle lifecycle, JsonMapper json, ObjectProvider<ConversationHolder> holder,
                  AutomaticMessages automatic) {
        this.jdbc = jdbc;
        this.automatic = automatic;
        this.holder = holder;
        this.lifecycle = lifecycle;
        this.json = json;
        this.inboxes = inboxes;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    public List<Conversation> list(WorkspaceId workspace, @Nullable ConversationStatus status, int limit) {
        return jdbc.sql("select * from conversation where workspace_id = ? and (?::text is null or status = ?) order by last_message_at desc limit ?")
                .params(workspace.value(), status == null ? null : status.name(), status == null ? null : status.name(), limit)
                .query(Conversations::map).list();
    }

    public Conversation get(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from conversation where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(Conversations::map).optional().orElseThrow(() -> new NotFoundException("Conversation", id));
    }

    public List<ConversationMessage> messages(WorkspaceId workspace, UUID conversation) {
        get(workspace, conversation);
        return jdbc.sql("select * from conversation_message where workspace_id = ? and conversation_id = ? order by created_at, id")
                .params(workspace.value(), conversation).query(Conversations::mapMessage).list();
    }

    /** Appends what the customer wrote; a message heard twice is appended once. */
    @Transactional
    public void customerWrote(WorkspaceId workspace, CustomerId customer, @Nullable UUID account, UUID inboundMessageId,
                              Channel channel, String address, String text, Instant at) {
        customerWrote(workspace, customer, account, inboundMessageId, channel, address, text, at, true);
    }

    /** As above; a CSAT rating is appended with {@code reopens == false}, so it neither reopens nor starts a wait. */
    @Transactional
    void customerWrote(WorkspaceId workspace, CustomerId customer, @Nullable UUID account, UUID inboundMessageId,
                       Channel channel, String address, String text, Instant at, boolean reopens) {
        var inbox = inboxes.forAccount(workspace, account);
        var held = reopens && held(workspace, inbox);
        var id = UUID.randomUUID();
        // One round trip: the upsert leaves the conversation locked and returns it as it now is, the message
        // is appended unless this inbound message already was.
        var appended = jdbc.sql("""
                with thread as (
                    insert into conversation (id, workspace_id, customer_id, inbox_id, status, last_channel, last_address, last_message_at, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (workspace_id, customer_id, inbox_id) do update
                    set last_channel = excluded.last_channel, last_address = excluded.last_address,
                        last_message_at = greatest(conversation.last_message_at, excluded.last_message_at)
                    returning *),
                message as (
                    insert into conversation_message (id, workspace_id, conversation_id, direction, channel, text, inbound_message_id, created_at)
                    select ?, thread.workspace_id, thread.id, 'IN', ?, ?, ?, ? from thread
                    on conflict (inbound_message_id) do nothing
                    returning id)
                select thread.* from thread where exists (select 1 from message)""")
                .params(UUID.randomUUID(), workspace.value(), customer.value(), inbox,
                        (held ? ConversationStatus.PENDING : ConversationStatus.OPEN).name(), channel.name(), address, Timestamp.from(at),
                        Timestamp.from(clock.instant()), id, channel.name(), text, inboundMessageId, Timestamp.from(at))
                .query(Conversations::map).optional();
        if (appended.isPresent()) {
            events.publishEvent(new MessageAppended(workspace, appended.get().id(), id, ConversationMessage.Direction.IN));
            var status = lifecycle.customerWrote(workspace, appended.get(), at, reopens, held);
            if (status == ConversationStatus.PENDING && reopens) {
                events.publishEvent(new HeldMessageReceived(workspace, appended.get().id(), id, inboundMessageId, customer));
            }
        }
    }

    private boolean held(WorkspaceId workspace, UUID inbox) {
        var bot = holder.getIfAvailable();
        return bot != null && bot.holds(workspace, inbox);
    }

    /**
     * The bot lets go of a held conversation: it opens, the customer starts waiting for an operator now,
     * and it joins its team's queue like any other. Does nothing to a conversation that is not pending.
     */
    @Transactional
    public Conversation handOver(Actor actor, UUID conversationId) {
        get(actor.workspaceId(), conversationId);
        if (lifecycle.handOver(actor.workspaceId(), conversationId)) {
            events.publishEvent(new ConversationChanged(actor.workspaceId(), conversationId, ConversationChanged.Change.STATUS));
        }
        return get(actor.workspaceId(), conversationId);
    }

    /**
     * What the bot says in a conversation it holds, with buttons: sent and shown like an operator's reply,
     * but it starts no SLA clock and is not the shop's first reply. {@code idempotencyKey} makes a retried
     * answer go out once.
     */
    @Transactional
    public void botSays(WorkspaceId workspace, UUID conversationId, String author, String text, List<QuickReply> buttons,
                        String idempotencyKey) {
        var conversation = get(workspace, conversationId);
        automatic.send(workspace, conversation, text, author, buttons, idempotencyKey);
    }

    /** Queues a reply to where the customer last wrote from, and shows it in the thread. */
    @Transactional
    public ConversationMessage reply(Actor actor, UUID conversationId, String text) {
        return reply(actor, conversationId, text, List.of(), List.of());
    }

    /**
     * A reply with files (kept by {@link io.beseda.channel.Attachments}) and buttons under it. Text may be
     * left out when files go: channels that carry no files then get the files' names as the text.
     */
    @Transactional
    public ConversationMessage reply(Actor actor, UUID conversationId, String text, List<Attachment> attachments,
                                     List<QuickReply> quickReplies) {
        var conversation = get(actor.workspaceId(), conversationId);
        if (text.isBlank() && attachments.isEmpty()) {
            throw new RuleViolationException("conversation.reply.empty", "A reply needs text");
        }
        takeFromBot(actor, conversation);
        var body = text.isBlank()
                ? String.join(", ", attachments.stream().map(a -> a.name() == null ? "📎" : a.name()).toList()) : text.strip();
        var id = UUID.randomUUID();
        var outbound = outbox.queue(actor.workspaceId(), new OutboundMessage(conversation.customer(), conversation.lastChannel(),
                MessageCategory.REPLY, body, conversation.lastAddress(), "reply-" + id, false, Duration.ofHours(24),
                quickReplies, attachments));
        var message = append(actor, conversation, id, ConversationMessage.Direction.OUT, text.strip(), outbound.value(), attachments,
                quickReplies);
        lifecycle.replied(actor.workspaceId(), conversationId);
        return message;
    }

    /**
     * An approved template instead of free text (WhatsApp outside its 24-hour window): queued with the template
     * flag and a {@link TemplateCall} as its body; the thread shows the text the customer will read.
     */
    @Transactional
    public ConversationMessage replyWithTemplate(Actor actor, UUID conversationId, MessageTemplate template,
                                                 Map<String, String> values) {
        var conversation = get(actor.workspaceId(), conversationId);
        if (conversation.lastChannel() != template.channel()) {
            throw new RuleViolationException("conversation.template.channel", "The customer last wrote from "
                    + conversation.lastChannel() + ", the template is for " + template.channel());
        }
        TemplateCall call;
        try {
            call = template.call(values);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("conversation.template.parameters", e.getMessage());
        }
        takeFromBot(actor, conversation);
        var id = UUID.randomUUID();
        var outbound = outbox.queue(actor.workspaceId(), new OutboundMessage(conversation.customer(), conversation.lastChannel(),
                MessageCategory.REPLY, call.toBody(), conversation.lastAddress(), "reply-" + id, true, Duration.ofHours(24)));
        var message = append(actor, conversation, id, ConversationMessage.Direction.OUT, template.render(call.parameters()),
                outbound.value(), List.of(), List.of());
        lifecycle.replied(actor.workspaceId(), conversationId);
        return message;
    }

    /** A person answered a conversation the bot held: it is theirs now, and the bot stops. */
    private void takeFromBot(Actor actor, Conversation conversation) {
        if (conversation.status() == ConversationStatus.PENDING && actor.kind() != Actor.Kind.SYSTEM
                && lifecycle.handOver(actor.workspaceId(), conversation.id())) {
            events.publishEvent(new ConversationChanged(actor.workspaceId(), conversation.id(), ConversationChanged.Change.STATUS));
        }
    }

    /** A private note: never sent to the customer. */
    @Transactional
    public ConversationMessage note(Actor actor, UUID conversationId, String text) {
        return note(actor, conversationId, text, List.of());
    }

    /** A private note, with files only colleagues see. */
    @Transactional
    public ConversationMessage note(Actor actor, UUID conversationId, String text, List<Attachment> attachments) {
        var conversation = get(actor.workspaceId(), conversationId);
        if (text.isBlank() && attachments.isEmpty()) {
            throw new RuleViolationException("conversation.note.empty", "A note needs text");
        }
        return append(actor, conversation, UUID.randomUUID(), ConversationMessage.Direction.NOTE, text.strip(), null,
                attachments, List.of());
    }

    @Transactional
    public Conversation setStatus(Actor actor, UUID conversationId, ConversationStatus status) {
        get(actor.workspaceId(), conversationId);
        // Reopening, resolving and snoozing move the queue, the SLA clock and CSAT: see ConversationLifecycle.
        if (lifecycle.changeStatus(actor, conversationId, status, null)) {
            events.publishEvent(new ConversationChanged(actor.workspaceId(), conversationId, ConversationChanged.Change.STATUS));
        }
        return get(actor.workspaceId(), conversationId);
    }

    private ConversationMessage append(Actor actor, Conversation conversation, UUID id, ConversationMessage.Direction direction,
                                       String text, @Nullable UUID outbound, List<Attachment> attachments,
                                       List<QuickReply> quickReplies) {
        var now = clock.instant();
        jdbc.sql("""
                insert into conversation_message (id, workspace_id, conversation_id, direction, channel, text, author, outbound_message_id,
                    created_at, attachments, quick_replies)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                .params(id, actor.workspaceId().value(), conversation.id(), direction.name(),
                        direction == ConversationMessage.Direction.NOTE ? null : conversation.lastChannel().name(), text,
                        actor.name(), outbound, Timestamp.from(now), json.writeValueAsString(attachments),
                        json.writeValueAsString(quickReplies))
                .update();
        events.publishEvent(new MessageAppended(actor.workspaceId(), conversation.id(), id, direction));
        return new ConversationMessage(id, direction, direction == ConversationMessage.Direction.NOTE ? null : conversation.lastChannel(),
                text, actor.name(), outbound, now);
    }

    static Conversation map(ResultSet row, int n) throws SQLException {
        return new Conversation(row.getObject("id", UUID.class), new CustomerId(row.getObject("customer_id", UUID.class)),
                row.getObject("inbox_id", UUID.class), ConversationStatus.valueOf(row.getString("status")),
                Channel.valueOf(row.getString("last_channel")), row.getString("last_address"),
                row.getTimestamp("last_message_at").toInstant(), row.getTimestamp("created_at").toInstant(),
                row.getObject("team_id", UUID.class), row.getObject("assignee_id", UUID.class),
                Priority.valueOf(row.getString("priority")), List.of((String[]) row.getArray("labels").getArray()),
                instant(row, "snoozed_until"), instant(row, "waiting_since"), instant(row, "response_due_at"),
                instant(row, "sla_breached_at"));
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static ConversationMessage mapMessage(ResultSet row, int n) throws SQLException {
        var channel = row.getString("channel");
        return new ConversationMessage(row.getObject("id", UUID.class), ConversationMessage.Direction.valueOf(row.getString("direction")),
                channel == null ? null : Channel.valueOf(channel), row.getString("text"), row.getString("author"),
                row.getObject("outbound_message_id", UUID.class), row.getTimestamp("created_at").toInstant());
    }
}
