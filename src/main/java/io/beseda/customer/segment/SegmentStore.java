package io.beseda.customer.segment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Segment;
import io.beseda.customer.SegmentId;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.WorkspaceId;

/** The {@code segment} table: every query is scoped by the workspace. */
@Repository
class SegmentStore {

    /** Members are counted among live profiles only: erased and merged-away customers are never members. */
    private static final String SELECT = """
            select s.id, s.name, s.rule::text as rule, s.built_in_key, s.created_at, s.evaluated_at,
                   (select count(*) from segment_member m
                    join customer c on c.workspace_id = m.workspace_id and c.id = m.customer_id
                    where m.workspace_id = s.workspace_id and m.segment_id = s.id
                      and c.merged_into is null and c.erased_at is null) as members
            from segment s
            """;
    /** The advisory lock key of a workspace's periodic pass (the workspace id bound as text). */
    static final String PASS_LOCK_KEY = "hashtextextended('beseda.segment-pass:' || ?::text, 0)";
    private static final String ORDER = " order by s.built_in desc, array_position(?::text[], s.built_in_key), s.created_at, s.id";

    private final JdbcClient jdbc;

    SegmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the built-in segments the workspace does not have yet; safe to call at any time, concurrently too. */
    void ensureBuiltIns(WorkspaceId workspace, Instant now) {
        var present = jdbc.sql("select count(*) from segment where workspace_id = ? and built_in_key is not null")
                .param(workspace.value()).query(Long.class).single();
        if (present == BuiltInSegment.values().length) {
            return;
        }
        for (var builtIn : BuiltInSegment.values()) {
            jdbc.sql("""
                    insert into segment (id, workspace_id, name, rule, built_in, built_in_key, created_at)
                    values (?, ?, ?, ?::jsonb, true, ?, ?) on conflict do nothing""")
                    .params(UUID.randomUUID(), workspace.value(), builtIn.displayName(), builtIn.rule(), builtIn.key(),
                            at(now))
                    .update();
        }
    }

    List<StoredSegment> list(WorkspaceId workspace) {
        return jdbc.sql(SELECT + " where s.workspace_id = ?" + ORDER)
                .params(workspace.value(), builtInOrder()).query(SegmentStore::map).list();
    }

    /** Every segment's id and rule, without counting members: what evaluation needs, cheaply. */
    List<SegmentRule> rules(WorkspaceId workspace) {
        return jdbc.sql("select id, rule::text from segment where workspace_id = ? order by id")
                .param(workspace.value())
                .query((row, n) -> new SegmentRule(new SegmentId(row.getObject(1, UUID.class)), row.getString(2)))
                .list();
    }

    /** The segments the customer is a member of now. */
    List<StoredSegment> withMember(WorkspaceId workspace, CustomerId customer) {
        return jdbc.sql(SELECT + """
                 where s.workspace_id = ? and exists (
                    select 1 from segment_member m join customer c on c.workspace_id = m.workspace_id and c.id = m.customer_id
                    where m.workspace_id = s.workspace_id and m.segment_id = s.id and m.customer_id = ?
                      and c.merged_into is null and c.erased_at is null)""" + ORDER)
                .params(workspace.value(), customer.value(), builtInOrder()).query(SegmentStore::map).list();
    }

    Optional<StoredSegment> find(WorkspaceId workspace, SegmentId id) {
        return jdbc.sql(SELECT + " where s.workspace_id = ? and s.id = ?")
                .params(workspace.value(), id.value()).query(SegmentStore::map).optional();
    }

    StoredSegment get(WorkspaceId workspace, SegmentId id) {
        return find(workspace, id).orElseThrow(() -> new NotFoundException("Segment", id));
    }

    /** Whether another segment of the workspace already has this name, ignoring case. */
    boolean nameTaken(WorkspaceId workspace, String name, @Nullable SegmentId except) {
        return jdbc.sql("select exists (select 1 from segment where workspace_id = ? and lower(name) = lower(?) and id <> ?)")
                .params(workspace.value(), name, except == null ? new UUID(0, 0) : except.value())
                .query(Boolean.class).single();
    }

    SegmentId insert(WorkspaceId workspace, String name, String rule, Instant now) {
        var id = SegmentId.random();
        jdbc.sql("insert into segment (id, workspace_id, name, rule, built_in, created_at) values (?, ?, ?, ?::jsonb, false, ?)")
                .params(id.value(), workspace.value(), name, rule, at(now)).update();
        return id;
    }

    void update(WorkspaceId workspace, SegmentId id, String name, String rule) {
        jdbc.sql("update segment set name = ?, rule = ?::jsonb where workspace_id = ? and id = ? and not built_in")
                .params(name, rule, workspace.value(), id.value()).update();
    }

    void delete(WorkspaceId workspace, SegmentId id) {
        jdbc.sql("delete from segment where workspace_id = ? and id = ? and not built_in")
                .params(workspace.value(), id.value()).update();
    }

    /**
     * Holds the segment against deletion while its members are written (the same lock the members'
     * foreign key takes); false when it was deleted meanwhile, so there is nothing to evaluate.
     */
    boolean holdForEvaluation(WorkspaceId workspace, SegmentId id) {
        return jdbc.sql("select id from segment where workspace_id = ? and id = ? for key share")
                .params(workspace.value(), id.value()).query(UUID.class).optional().isPresent();
    }

    void markEvaluated(WorkspaceId workspace, SegmentId id, Instant at) {
        jdbc.sql("update segment set evaluated_at = ? where workspace_id = ? and id = ?")
                .params(at(at), workspace.value(), id.value()).update();
    }

    List<WorkspaceId> workspacesWithSegments() {
        return jdbc.sql("select distinct workspace_id from segment")
                .query((row, n) -> new WorkspaceId(row.getObject(1, UUID.class))).list();
    }

    /**
     * Takes the workspace's periodic-pass lock for the current transaction, if no other node holds it.
     * Must run inside a transaction: the lock is released when it ends.
     */
    boolean tryLockPass(WorkspaceId workspace) {
        return jdbc.sql("select pg_try_advisory_xact_lock(" + PASS_LOCK_KEY + ")")
                .param(workspace.value().toString()).query(Boolean.class).single();
    }

    private static String[] builtInOrder() {
        return Arrays.stream(BuiltInSegment.values()).map(BuiltInSegment::key).toArray(String[]::new);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static StoredSegment map(ResultSet row, int n) throws SQLException {
        var evaluated = row.getTimestamp("evaluated_at");
        var segment = new Segment(new SegmentId(row.getObject("id", UUID.class)), row.getString("name"),
                row.getString("built_in_key"), row.getLong("members"), row.getTimestamp("created_at").toInstant(),
                evaluated == null ? null : evaluated.toInstant());
        return new StoredSegment(segment, row.getString("rule"));
    }
}
