package io.beseda.journey.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Validation;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.AuditLog;
import io.beseda.workspace.WorkspaceId;

/**
 * A workspace's journeys and their versions. Editing a launched journey writes a new draft version; launching
 * it makes the draft the version new customers enter, while customers inside finish on the version they
 * entered (or move to the new one when the marketer asks).
 */
@Service
public class JourneyCatalog {

    private final JdbcClient jdbc;
    private final JourneyJson json;
    private final AuditLog audit;
    private final Clock clock;

    JourneyCatalog(JdbcClient jdbc, JourneyJson json, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    public List<JourneySummary> list(WorkspaceId workspace) {
        return jdbc.sql("select * from journey where workspace_id = ? and status <> 'ARCHIVED' order by created_at")
                .param(workspace.value()).query(JourneyCatalog::summary).list();
    }

    public Optional<JourneySummary> find(WorkspaceId workspace, UUID journey) {
        return jdbc.sql("select * from journey where workspace_id = ? and id = ?").params(workspace.value(), journey)
                .query(JourneyCatalog::summary).optional();
    }

    public JourneySummary get(WorkspaceId workspace, UUID journey) {
        return find(workspace, journey).orElseThrow(() -> new NotFoundException("Journey", journey));
    }

    public Optional<JourneySummary> byTemplate(WorkspaceId workspace, String templateKey) {
        return jdbc.sql("select * from journey where workspace_id = ? and template_key = ?").params(workspace.value(), templateKey)
                .query(JourneyCatalog::summary).optional();
    }

    public JourneyVersion version(WorkspaceId workspace, UUID journey, int version) {
        return jdbc.sql("select * from journey_version where workspace_id = ? and journey_id = ? and version = ?")
                .params(workspace.value(), journey, version).query(this::version).optional()
                .orElseThrow(() -> new NotFoundException("Journey version", journey + "/" + version));
    }

    public JourneyVersion draft(WorkspaceId workspace, UUID journey) {
        return version(workspace, journey, get(workspace, journey).draftVersion());
    }

    public List<JourneyVersion> versions(WorkspaceId workspace, UUID journey) {
        get(workspace, journey);
        return jdbc.sql("select * from journey_version where workspace_id = ? and journey_id = ? order by version desc")
                .params(workspace.value(), journey).query(this::version).list();
    }

    /** A new journey as a draft (templates come in this way too, under their key, once per workspace). */
    @Transactional
    public JourneySummary create(Actor actor, String name, JourneyDefinition definition, @Nullable String templateKey) {
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into journey (id, workspace_id, name, template_key, status, draft_version, created_at, updated_at)
                values (?, ?, ?, ?, 'DRAFT', 1, ?, ?)""")
                .params(id, actor.workspaceId().value(), name(name), templateKey, now, now).update();
        insertVersion(actor.workspaceId(), id, 1, definition);
        audit.record(actor, "journey.created", id.toString(), Map.of("name", name));
        return get(actor.workspaceId(), id);
    }

    /** Saves the draft; when the draft is the launched version, the edit becomes a new version. */
    @Transactional
    public JourneySummary saveDraft(Actor actor, UUID journey, String name, JourneyDefinition definition) {
        var current = lock(actor.workspaceId(), journey);
        var now = Timestamp.from(clock.instant());
        if (current.liveVersion() != null && current.draftVersion() == current.liveVersion()) {
            var next = current.draftVersion() + 1;
            insertVersion(actor.workspaceId(), journey, next, definition);
            jdbc.sql("update journey set name = ?, draft_version = ?, updated_at = ? where id = ?")
                    .params(name(name), next, now, journey).update();
        } else {
            jdbc.sql("update journey_version set definition = ?::jsonb where journey_id = ? and version = ?")
                    .params(json.write(definition), journey, current.draftVersion()).update();
            jdbc.sql("update journey set name = ?, updated_at = ? where id = ?").params(name(name), now, journey).update();
        }
        audit.record(actor, "journey.saved", journey.toString(), Map.of("name", name));
        return get(actor.workspaceId(), journey);
    }

    /**
     * Launches the draft: new customers enter it from now on. With {@code moveInside}, customers inside an older
     * version continue on this one from the step with the same id (or leave, when that step is gone).
     *
     * @throws JourneyProblems when the draft has dead ends, loops or sends without a text
     */
    @Transactional
    public JourneySummary launch(Actor actor, UUID journey, boolean moveInside, List<String> moreProblems) {
        var current = lock(actor.workspaceId(), journey);
        var draft = version(actor.workspaceId(), journey, current.draftVersion());
        var problems = new java.util.ArrayList<>(Validation.problems(draft.definition()));
        problems.addAll(moreProblems);
        if (!problems.isEmpty()) {
            throw new JourneyProblems(problems);
        }
        var now = Timestamp.from(clock.instant());
        jdbc.sql("update journey_version set launched_at = coalesce(launched_at, ?) where journey_id = ? and version = ?")
                .params(now, journey, draft.version()).update();
        jdbc.sql("update journey set live_version = ?, status = 'ACTIVE', updated_at = ? where id = ?")
                .params(draft.version(), now, journey).update();
        if (moveInside) {
            jdbc.sql("update journey_run set version = ?, updated_at = ? where journey_id = ? and status = 'ACTIVE' and version <> ?")
                    .params(draft.version(), now, journey, draft.version()).update();
        }
        audit.record(actor, "journey.launched", journey.toString(), Map.of("version", draft.version(), "moveInside", moveInside));
        return get(actor.workspaceId(), journey);
    }

    /** Paused: nobody new enters; customers inside go on. */
    @Transactional
    public JourneySummary pause(Actor actor, UUID journey) {
        return setStatus(actor, journey, "PAUSED", "journey.paused");
    }

    @Transactional
    public JourneySummary resume(Actor actor, UUID journey) {
        var current = lock(actor.workspaceId(), journey);
        if (current.liveVersion() == null) {
            throw new JourneyProblems(List.of("Путь ещё не запускали: запустите его."));
        }
        return setStatus(actor, journey, "ACTIVE", "journey.resumed");
    }

    /** Archived: out of the list; nobody enters; customers inside leave at their next step. */
    @Transactional
    public JourneySummary archive(Actor actor, UUID journey) {
        return setStatus(actor, journey, "ARCHIVED", "journey.archived");
    }

    private JourneySummary setStatus(Actor actor, UUID journey, String status, String action) {
        lock(actor.workspaceId(), journey);
        jdbc.sql("update journey set status = ?, updated_at = ? where id = ?")
                .params(status, Timestamp.from(clock.instant()), journey).update();
        audit.record(actor, action, journey.toString(), Map.of());
        return get(actor.workspaceId(), journey);
    }

    private JourneySummary lock(WorkspaceId workspace, UUID journey) {
        return jdbc.sql("select * from journey where workspace_id = ? and id = ? for update").params(workspace.value(), journey)
                .query(JourneyCatalog::summary).optional().orElseThrow(() -> new NotFoundException("Journey", journey));
    }

    private void insertVersion(WorkspaceId workspace, UUID journey, int version, JourneyDefinition definition) {
        jdbc.sql("insert into journey_version (journey_id, workspace_id, version, definition, created_at) values (?, ?, ?, ?::jsonb, ?)")
                .params(journey, workspace.value(), version, json.write(definition), Timestamp.from(clock.instant())).update();
    }

    private static String name(String name) {
        var clean = name.strip();
        if (clean.isEmpty() || clean.length() > 120) {
            throw new JourneyProblems(List.of("Название пути — от 1 до 120 знаков."));
        }
        return clean;
    }

    private JourneyVersion version(ResultSet row, int n) throws SQLException {
        var launched = row.getTimestamp("launched_at");
        return new JourneyVersion(row.getObject("journey_id", UUID.class), row.getInt("version"), json.read(row.getString("definition")),
                row.getTimestamp("created_at").toInstant(), launched == null ? null : launched.toInstant());
    }

    private static JourneySummary summary(ResultSet row, int n) throws SQLException {
        var live = row.getObject("live_version", Integer.class);
        return new JourneySummary(row.getObject("id", UUID.class), row.getString("name"),
                JourneySummary.Status.valueOf(row.getString("status")), row.getInt("draft_version"), live,
                row.getString("template_key"), row.getTimestamp("updated_at").toInstant());
    }
}
