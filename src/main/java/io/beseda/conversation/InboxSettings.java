package io.beseda.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.channel.ChannelAccounts;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inboxes as admins see them: their team, time zone, business hours and out-of-office text, and which
 * channel accounts feed them. (Where a message lands is {@link Inboxes}' job.)
 */
@Service
public class InboxSettings {

    private static final TypeReference<Map<String, List<List<String>>>> WEEK = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Inboxes inboxes;
    private final Teams teams;
    private final ChannelAccounts accounts;
    private final ApplicationEventPublisher events;
    private final RecentReads<InboxKey, Inbox> recent;

    private record InboxKey(WorkspaceId workspace, UUID id) {
    }

    InboxSettings(JdbcClient jdbc, JsonMapper json, Inboxes inboxes, Teams teams, ChannelAccounts accounts,
                  ApplicationEventPublisher events, @Value("${beseda.conversation.settings-cache-ttl:5s}") Duration ttl) {
        this.recent = new RecentReads<>(ttl);
        this.jdbc = jdbc;
        this.json = json;
        this.inboxes = inboxes;
        this.teams = teams;
        this.accounts = accounts;
        this.events = events;
    }

    public List<Inbox> list(WorkspaceId workspace) {
        inboxes.defaultInbox(workspace);
        return jdbc.sql("select * from inbox where workspace_id = ? order by is_default desc, lower(name)").param(workspace.value())
                .query(this::map).list().stream().map(this::withAccounts).toList();
    }

    public Inbox get(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from inbox where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(this::map).optional().map(this::withAccounts).orElseThrow(() -> new NotFoundException("Inbox", id));
    }

    /**
     * The inbox as read at most a few seconds ago, for what every customer message consults (team, hours,
     * out-of-office text); changes made here are seen at once, changes made on another node within the TTL.
     */
    Inbox recent(WorkspaceId workspace, UUID id) {
        return recent.get(new InboxKey(workspace, id), key -> get(key.workspace(), key.id()));
    }

    private void changing() {
        recent.forgetAll();
        inboxes.mappingsChanged();
    }

    @Transactional
    public Inbox create(Actor actor, InboxChange change) {
        InboxPermissions.requireManager(actor);
        changing();
        inboxes.defaultInbox(actor.workspaceId());
        var id = UUID.randomUUID();
        checkTeam(actor, change);
        try {
            jdbc.sql("insert into inbox (id, workspace_id, name, time_zone) values (?, ?, ?, ?)")
                    .params(id, actor.workspaceId().value(), change.name(), change.timeZone().getId()).update();
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        return update(actor, id, change);
    }

    @Transactional
    public Inbox update(Actor actor, UUID id, InboxChange change) {
        InboxPermissions.requireManager(actor);
        changing();
        get(actor.workspaceId(), id);
        checkTeam(actor, change);
        try {
            jdbc.sql("""
                    update inbox set name = ?, team_id = ?, time_zone = ?, business_hours = ?::jsonb, out_of_office_text = ?
                    where workspace_id = ? and id = ?""")
                    .params(change.name(), change.teamId(), change.timeZone().getId(),
                            json.writeValueAsString(change.businessHours().toJson()), change.outOfOfficeText(),
                            actor.workspaceId().value(), id).update();
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        if (change.teamId() != null) {
            // Waiting conversations of this inbox that had no team join the new one's queue.
            jdbc.sql("update conversation set team_id = ? where workspace_id = ? and inbox_id = ? and team_id is null and status <> 'RESOLVED'")
                    .params(change.teamId(), actor.workspaceId().value(), id).update();
            events.publishEvent(new AssignmentNeeded(actor.workspaceId(), change.teamId()));
        }
        return get(actor.workspaceId(), id);
    }

    /** Deletes an inbox that is not the default; its accounts fall back to the default inbox. */
    @Transactional
    public void delete(Actor actor, UUID id) {
        InboxPermissions.requireManager(actor);
        changing();
        var inbox = get(actor.workspaceId(), id);
        if (inbox.isDefault()) {
            throw new RuleViolationException("inbox.default.delete", "The default inbox cannot be deleted");
        }
        var used = jdbc.sql("select count(*) from conversation where workspace_id = ? and inbox_id = ?")
                .params(actor.workspaceId().value(), id).query(Integer.class).single();
        if (used > 0) {
            throw new RuleViolationException("inbox.in-use", "The inbox has conversations and cannot be deleted");
        }
        jdbc.sql("delete from inbox where workspace_id = ? and id = ?").params(actor.workspaceId().value(), id).update();
    }

    /** Sends the account's future conversations to this inbox (an account feeds one inbox). */
    @Transactional
    public Inbox mapAccount(Actor actor, UUID inboxId, UUID accountId) {
        InboxPermissions.requireManager(actor);
        changing();
        get(actor.workspaceId(), inboxId);
        accounts.find(actor.workspaceId(), accountId).orElseThrow(() -> new NotFoundException("Account", accountId));
        jdbc.sql("""
                insert into inbox_account (workspace_id, account_id, inbox_id) values (?, ?, ?)
                on conflict (account_id) do update set inbox_id = excluded.inbox_id""")
                .params(actor.workspaceId().value(), accountId, inboxId).update();
        return get(actor.workspaceId(), inboxId);
    }

    @Transactional
    public Inbox unmapAccount(Actor actor, UUID inboxId, UUID accountId) {
        InboxPermissions.requireManager(actor);
        changing();
        get(actor.workspaceId(), inboxId);
        accounts.find(actor.workspaceId(), accountId).orElseThrow(() -> new NotFoundException("Account", accountId));
        jdbc.sql("delete from inbox_account where workspace_id = ? and inbox_id = ? and account_id = ?")
                .params(actor.workspaceId().value(), inboxId, accountId).update();
        return get(actor.workspaceId(), inboxId);
    }

    private void checkTeam(Actor actor, InboxChange change) {
        if (change.teamId() != null) {
            teams.get(actor.workspaceId(), change.teamId());
        }
    }

    private static RuleViolationException nameTaken() {
        return new RuleViolationException("inbox.name.taken", "An inbox with this name already exists");
    }

    /** Accounts are read after the inbox row, never inside the row mapper (that would need a second pool connection). */
    private Inbox withAccounts(Inbox inbox) {
        var mapped = jdbc.sql("select account_id from inbox_account where inbox_id = ? order by account_id").param(inbox.id())
                .query(UUID.class).list();
        return new Inbox(inbox.id(), inbox.name(), inbox.isDefault(), inbox.teamId(), inbox.timeZone(), inbox.businessHours(),
                inbox.outOfOfficeText(), mapped);
    }

    private Inbox map(ResultSet row, int n) throws SQLException {
        return new Inbox(row.getObject("id", UUID.class), row.getString("name"), row.getBoolean("is_default"),
                row.getObject("team_id", UUID.class), ZoneId.of(row.getString("time_zone")),
                BusinessHours.fromJson(json.readValue(row.getString("business_hours"), WEEK)), row.getString("out_of_office_text"),
                List.of());
    }
}
