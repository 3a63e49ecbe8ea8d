package io.beseda.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.UserId;
import io.beseda.workspace.WorkspaceId;

/**
 * Who works the inbox right now, and how much each one may take. An operator going online, or getting
 * more capacity, lets waiting chats of their teams be handed to them.
 */
@Service
public class Operators {

    private static final String SELECT = """
            select u.id, u.display_name, coalesce(a.status, 'OFFLINE') as status, coalesce(a.capacity, 5) as capacity,
                   a.last_assigned_at,
                   (select count(*) from conversation c where c.workspace_id = u.workspace_id and c.assignee_id = u.id
                      and c.status = 'OPEN') as open_chats
            from app_user u left join operator_availability a on a.user_id = u.id
            where u.workspace_id = ? and u.enabled and u.role in ('OWNER', 'ADMIN', 'OPERATOR')""";

    private final JdbcClient jdbc;
    private final Teams teams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Operators(JdbcClient jdbc, Teams teams, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.events = events;
        this.clock = clock;
    }

    public List<Operator> list(WorkspaceId workspace) {
        return jdbc.sql(SELECT + " order by u.display_name, u.id").param(workspace.value()).query(Operators::map).list();
    }

    public Operator get(WorkspaceId workspace, UserId user) {
        return jdbc.sql(SELECT + " and u.id = ?").params(workspace.value(), user.value()).query(Operators::map).optional()
                .orElseThrow(() -> new NotFoundException("Operator", user));
    }

    /** The signed-in operator says whether they take chats now. */
    @Transactional
    public Operator setAvailability(Actor actor, OperatorStatus status) {
        if (actor.kind() != Actor.Kind.USER) {
            throw new RuleViolationException("operator.me.not-a-user", "Only a signed-in person has an availability");
        }
        return setAvailability(actor, new UserId(actor.id()), status);
    }

    /** Sets someone's availability: themselves, or anyone for an owner or admin (a phone system going on a break, say). */
    @Transactional
    public Operator setAvailability(Actor actor, UserId user, OperatorStatus status) {
        if (!actor.isUser(user)) {
            InboxPermissions.requireManager(actor);
        }
        get(actor.workspaceId(), user);
        jdbc.sql("""
                insert into operator_availability (workspace_id, user_id, status, changed_at) values (?, ?, ?, ?)
                on conflict (user_id) do update set status = excluded.status, changed_at = excluded.changed_at""")
                .params(actor.workspaceId().value(), user.value(), status.name(), Timestamp.from(clock.instant())).update();
        if (status == OperatorStatus.ONLINE) {
            queuesMayMove(actor.workspaceId(), user);
        }
        return get(actor.workspaceId(), user);
    }

    @Transactional
    public Operator setCapacity(Actor actor, UserId user, int capacity) {
        InboxPermissions.requireManager(actor);
        if (capacity < 0 || capacity > Operator.MAX_CAPACITY) {
            throw new IllegalArgumentException("Capacity is 0 to " + Operator.MAX_CAPACITY);
        }
        get(actor.workspaceId(), user);
        jdbc.sql("""
                insert into operator_availability (workspace_id, user_id, capacity, changed_at) values (?, ?, ?, ?)
                on conflict (user_id) do update set capacity = excluded.capacity""")
                .params(actor.workspaceId().value(), user.value(), capacity, Timestamp.from(clock.instant())).update();
        queuesMayMove(actor.workspaceId(), user);
        return get(actor.workspaceId(), user);
    }

    /** Every queue this operator could take from: one of their chats closed, or they can take more. */
    void queuesMayMove(WorkspaceId workspace, UserId user) {
        teams.teamsOf(workspace, user).forEach(team -> events.publishEvent(new AssignmentNeeded(workspace, team)));
    }

    private static Operator map(ResultSet row, int n) throws SQLException {
        var last = row.getTimestamp("last_assigned_at");
        return new Operator(row.getObject("id", UUID.class), row.getString("display_name"),
                OperatorStatus.valueOf(row.getString("status")), row.getInt("capacity"), row.getInt("open_chats"),
                last == null ? null : last.toInstant());
    }
}
