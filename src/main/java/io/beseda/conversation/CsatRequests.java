package io.beseda.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.channel.QuickReply;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;

/**
 * Asks for a 1–5 rating when an operator resolves a conversation, and takes the answer: a pressed button
 * ({@code csat:<request>:<n>}) or a bare digit as the customer's next message. A rating is stored, and does
 * not reopen the conversation.
 */
@Component
class CsatRequests {

    static final String PAYLOAD_PREFIX = "csat:";
    private static final Pattern PAYLOAD = Pattern.compile("csat:([0-9a-f-]{36}):([1-5])");
    private static final Pattern DIGIT = Pattern.compile("\\s*([1-5])\\s*[.!]?\\s*");
    /** A bare digit counts as a rating only this soon after the question. */
    private static final Duration BARE_DIGIT_WINDOW = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final AutomaticMessages automatic;
    private final ThreadTexts texts;
    private final Inboxes inboxes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CsatRequests(JdbcClient jdbc, AutomaticMessages automatic, ThreadTexts texts, Inboxes inboxes,
                 ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.automatic = automatic;
        this.texts = texts;
        this.inboxes = inboxes;
        this.events = events;
        this.clock = clock;
    }

    /** Called once per resolution (the status change to RESOLVED is decided under the conversation's row lock). */
    void ask(WorkspaceId workspace, Conversation conversation, @Nullable UUID assignee) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into csat_request (id, workspace_id, conversation_id, assignee_id, requested_at) values (?, ?, ?, ?, ?)")
                .params(id, workspace.value(), conversation.id(), assignee, Timestamp.from(clock.instant())).update();
        var scale = IntStream.rangeClosed(1, 5).mapToObj(n -> new QuickReply(String.valueOf(n), PAYLOAD_PREFIX + id + ":" + n)).toList();
        var outbound = automatic.send(workspace, conversation, texts.text("csat.question"), texts.text("csat.author"), scale,
                "csat-" + id);
        jdbc.sql("update csat_request set outbound_message_id = ? where id = ?").params(outbound, id).update();
    }

    /** Stores the rating this message gives, if it gives one; says whether it did. */
    boolean recordIfRating(WorkspaceId workspace, CustomerId customer, @Nullable UUID account, @Nullable String payload,
                           @Nullable String text) {
        var request = fromPayload(payload).or(() -> fromBareDigit(workspace, customer, account, text));
        if (request.isEmpty()) {
            return false;
        }
        var conversation = jdbc.sql("""
                update csat_request r set rating = ?, rated_at = ? from conversation c
                where r.workspace_id = ? and r.id = ? and c.id = r.conversation_id and c.customer_id = ?
                returning r.conversation_id""")
                .params(request.get().rating(), Timestamp.from(clock.instant()), workspace.value(), request.get().id(), customer.value())
                .query(UUID.class).optional();
        conversation.ifPresent(id -> events.publishEvent(new ConversationChanged(workspace, id, ConversationChanged.Change.CSAT)));
        return conversation.isPresent();
    }

    private static Optional<Rating> fromPayload(@Nullable String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        var m = PAYLOAD.matcher(payload.strip());
        return m.matches() ? Optional.of(new Rating(UUID.fromString(m.group(1)), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    private Optional<Rating> fromBareDigit(WorkspaceId workspace, CustomerId customer, @Nullable UUID account, @Nullable String text) {
        var m = text == null ? null : DIGIT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int rating = Integer.parseInt(m.group(1));
        return jdbc.sql("""
                select r.id from csat_request r join conversation c on c.id = r.conversation_id
                where r.workspace_id = ? and c.customer_id = ? and c.inbox_id = ? and r.rating is null and r.requested_at > ?
                  and not exists (select 1 from conversation_message m
                                  where m.conversation_id = c.id and m.direction = 'IN' and m.created_at > r.requested_at)
                order by r.requested_at desc limit 1""")
                .params(workspace.value(), customer.value(), inboxes.forAccount(workspace, account),
                        Timestamp.from(clock.instant().minus(BARE_DIGIT_WINDOW)))
                .query(UUID.class).optional().map(id -> new Rating(id, rating));
    }

    private record Rating(UUID id, int rating) {
    }
}
