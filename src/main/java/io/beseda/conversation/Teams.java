package io.beseda.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.UserId;
import io.beseda.workspace.Users;
import io.beseda.workspace.WorkspaceId;

/**
 * Teams of operators. Owners and admins make them, name them, choose how chats are handed out and the
 * response targets, and say who is in them; a member who joins may take waiting chats at once.
 */
@Service
public class Teams {

    private final JdbcClient jdbc;
    private final Users users;
    private final ApplicationEventPublisher events;

    Teams(JdbcClient jdbc, Users users, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
    }

    public List<Team> list(WorkspaceId workspace) {
        // Members are read after the teams, never inside the row mapper: a nested query outside a
        // transaction would hold a second pool connection per request.
        return jdbc.sql("select * from team where workspace_id = ? order by lower(name)").param(workspace.value())
                .query((row, n) -> map(row, List.of())).list().stream().map(t -> withMembers(workspace, t)).toList();
    }

    public Team get(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from team where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query((row, n) -> map(row, List.of())).optional().map(t -> withMembers(workspace, t))
                .orElseThrow(() -> new NotFoundException("Team", id));
    }

    /** The teams a user is in. */
    public List<UUID> teamsOf(WorkspaceId workspace, UserId user) {
        return jdbc.sql("select team_id from team_member where workspace_id = ? and user_id = ?")
                .params(workspace.value(), user.value()).query(UUID.class).list();
    }

    @Transactional
    public Team create(Actor actor, TeamSettings settings) {
        InboxPermissions.requireManager(actor);
        var id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into team (id, workspace_id, name, assignment, first_response_minutes, next_response_minutes)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, actor.workspaceId().value(), settings.name(), settings.assignment().name(),
                            settings.firstResponseMinutes(), settings.nextResponseMinutes()).update();
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        return get(actor.workspaceId(), id);
    }

    @Transactional
    public Team update(Actor actor, UUID id, TeamSettings settings) {
        InboxPermissions.requireManager(actor);
        get(actor.workspaceId(), id);
        try {
            jdbc.sql("""
                    update team set name = ?, assignment = ?, first_response_minutes = ?, next_response_minutes = ?
                    where workspace_id = ? and id = ?""")
                    .params(settings.name(), settings.assignment().name(), settings.firstResponseMinutes(),
                            settings.nextResponseMinutes(), actor.workspaceId().value(), id).update();
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        events.publishEvent(new AssignmentNeeded(actor.workspaceId(), id));
        return get(actor.workspaceId(), id);
    }

    /** Deletes the team; its inboxes and conversations keep working without one (their chats wait for manual pick-up). */
    @Transactional
    public void delete(Actor actor, UUID id) {
        InboxPermissions.requireManager(actor);
        get(actor.workspaceId(), id);
        jdbc.sql("delete from team where workspace_id = ? and id = ?").params(actor.workspaceId().value(), id).update();
    }

    @Transactional
    public Team addMember(Actor actor, UUID teamId, UserId user) {
        InboxPermissions.requireManager(actor);
        get(actor.workspaceId(), teamId);
        users.get(actor.workspaceId(), user);
        jdbc.sql("insert into team_member (workspace_id, team_id, user_id) values (?, ?, ?) on conflict do nothing")
                .params(actor.workspaceId().value(), teamId, user.value()).update();
        events.publishEvent(new AssignmentNeeded(actor.workspaceId(), teamId));
        return get(actor.workspaceId(), teamId);
    }

    @Transactional
    public Team removeMember(Actor actor, UUID teamId, UserId user) {
        InboxPermissions.requireManager(actor);
        get(actor.workspaceId(), teamId);
        users.get(actor.workspaceId(), user);
        jdbc.sql("delete from team_member where workspace_id = ? and team_id = ? and user_id = ?")
                .params(actor.workspaceId().value(), teamId, user.value()).update();
        return get(actor.workspaceId(), teamId);
    }

    private Team withMembers(WorkspaceId workspace, Team team) {
        return new Team(team.id(), team.name(), team.assignment(), team.firstResponseMinutes(), team.nextResponseMinutes(),
                members(workspace, team.id()));
    }

    private List<UUID> members(WorkspaceId workspace, UUID team) {
        return jdbc.sql("""
                select m.user_id from team_member m join app_user u on u.id = m.user_id
                where m.workspace_id = ? and m.team_id = ? order by u.display_name, u.id""")
                .params(workspace.value(), team).query(UUID.class).list();
    }

    private static RuleViolationException nameTaken() {
        return new RuleViolationException("team.name.taken", "A team with this name already exists");
    }

    private static Team map(ResultSet row, List<UUID> members) throws SQLException {
        return new Team(row.getObject("id", UUID.class), row.getString("name"), AssignmentMode.valueOf(row.getString("assignment")),
                row.getInt("first_response_minutes"), row.getInt("next_response_minutes"), members);
    }
}
