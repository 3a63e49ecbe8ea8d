package io.beseda.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.workspace.WorkspaceId;

/**
 * Hands a team's waiting chats to its online members with room, most urgent and longest waiting first.
 * Race-safe across threads and nodes (decision 0009): one hand-out per team at a time (a transaction-scoped
 * advisory lock), the team's online members' availability rows locked in id order before their load is
 * counted (so a member of two teams is never filled by both at once, and never past capacity), and waiting
 * chats claimed with {@code for update skip locked}.
 */
@Component
class AssignmentQueue {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssignmentQueue(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Hands out what it can; returns how many chats were assigned. */
    @Transactional
    public int handOut(WorkspaceId workspace, UUID team) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("beseda.assign:" + team).query().listOfRows();
        var mode = jdbc.sql("select assignment from team where workspace_id = ? and id = ?").params(workspace.value(), team)
                .query(String.class).optional().map(AssignmentMode::valueOf).orElse(AssignmentMode.MANUAL);
        if (mode == AssignmentMode.MANUAL) {
            return 0;
        }
        var candidates = lockCandidates(workspace, team);
        var now = clock.instant();
        int assigned = 0;
        while (candidates.stream().anyMatch(OperatorPick.Candidate::hasRoom)) {
            var next = nextWaiting(workspace, team);
            if (next.isEmpty()) {
                break;
            }
            var operator = sticky(next.get().previousAssignee(), candidates).or(() -> OperatorPick.pick(mode, candidates)).orElseThrow();
            // Microseconds apart, so operators served in one pass keep their order for the next round-robin.
            var at = now.plus(assigned, ChronoUnit.MICROS);
            assign(workspace, next.get().id(), operator.userId(), at);
            candidates.set(candidates.indexOf(operator), operator.tookOne(at));
            assigned++;
        }
        return assigned;
    }

    /** Locks an operator's availability row, so nothing else changes their load until this transaction ends. */
    int lockAndCountLoad(WorkspaceId workspace, UUID user) {
        jdbc.sql("insert into operator_availability (workspace_id, user_id) values (?, ?) on conflict do nothing")
                .params(workspace.value(), user).update();
        jdbc.sql("select user_id from operator_availability where user_id = ? for update").param(user).query().listOfRows();
        return load(workspace, user);
    }

    int capacity(UUID user) {
        return jdbc.sql("select capacity from operator_availability where user_id = ?").param(user).query(Integer.class).single();
    }

    void assign(WorkspaceId workspace, UUID conversation, UUID user, Instant at) {
        jdbc.sql("update conversation set assignee_id = ?, assigned_at = ?, previous_assignee_id = null where workspace_id = ? and id = ?")
                .params(user, Timestamp.from(at), workspace.value(), conversation).update();
        jdbc.sql("update operator_availability set last_assigned_at = ? where user_id = ?").params(Timestamp.from(at), user).update();
        events.publishEvent(new ConversationChanged(workspace, conversation, ConversationChanged.Change.ASSIGNMENT));
    }

    private List<OperatorPick.Candidate> lockCandidates(WorkspaceId workspace, UUID team) {
        var ids = jdbc.sql("""
                select a.user_id from operator_availability a
                join team_member m on m.user_id = a.user_id and m.team_id = ?
                join app_user u on u.id = a.user_id and u.enabled
                where a.workspace_id = ? and a.status = 'ONLINE'
                order by a.user_id for update of a""")
                .params(team, workspace.value()).query(UUID.class).list();
        // Counted after the locks, in statements of their own, so assignments committed meanwhile are seen.
        var candidates = new ArrayList<OperatorPick.Candidate>();
        for (var id : ids) {
            var row = jdbc.sql("select capacity, last_assigned_at from operator_availability where user_id = ?").param(id)
                    .query((r, n) -> new OperatorPick.Candidate(id, r.getInt(1), 0,
                            r.getTimestamp(2) == null ? null : r.getTimestamp(2).toInstant())).single();
            candidates.add(new OperatorPick.Candidate(id, row.capacity(), load(workspace, id), row.lastAssignedAt()));
        }
        return candidates;
    }

    private int load(WorkspaceId workspace, UUID user) {
        return jdbc.sql("select count(*) from conversation where workspace_id = ? and assignee_id = ? and status = 'OPEN'")
                .params(workspace.value(), user).query(Integer.class).single();
    }

    private Optional<Waiting> nextWaiting(WorkspaceId workspace, UUID team) {
        return jdbc.sql("""
                select id, previous_assignee_id from conversation
                where workspace_id = ? and team_id = ? and status = 'OPEN' and assignee_id is null
                order by case priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end,
                         coalesce(waiting_since, last_message_at), created_at, id
                limit 1 for update skip locked""")
                .params(workspace.value(), team)
                .query((row, n) -> new Waiting(row.getObject(1, UUID.class), row.getObject(2, UUID.class))).optional();
    }

    private static Optional<OperatorPick.Candidate> sticky(@Nullable UUID previous, List<OperatorPick.Candidate> candidates) {
        return candidates.stream().filter(c -> c.userId().equals(previous) && c.hasRoom()).findFirst();
    }

    private record Waiting(UUID id, @Nullable UUID previousAssignee) {
    }
}
