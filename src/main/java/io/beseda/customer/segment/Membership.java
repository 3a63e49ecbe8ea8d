package io.beseda.customer.segment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerId;
import io.beseda.customer.SegmentEntered;
import io.beseda.customer.SegmentId;
import io.beseda.customer.SegmentLeft;
import io.beseda.customer.segment.rule.SqlPredicate;
import io.beseda.workspace.WorkspaceId;

import static io.beseda.customer.segment.RuleMatcher.LIVE_CUSTOMERS;

/**
 * Brings {@code segment_member} in line with a segment's rule and publishes what changed. The changes
 * are computed by the database ({@code insert … on conflict do nothing returning}, {@code delete …
 * returning}), so when two evaluations race only the one that really adds or removes a row reports it:
 * every entry and exit is published exactly once, in the transaction that made it.
 */
@Component
class Membership {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Membership(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Who entered and who left. */
    record Changes(List<CustomerId> entered, List<CustomerId> left) {
    }

    /** Re-evaluates {@code only} these customers, or everyone when it is null. */
    Changes sync(WorkspaceId workspace, SegmentId segment, SqlPredicate rule, @Nullable Collection<CustomerId> only,
                 Instant now) {
        var entered = enter(workspace, segment, rule, only, now);
        var left = leave(workspace, segment, rule, only);
        entered.forEach(customer -> events.publishEvent(new SegmentEntered(workspace, segment, customer)));
        left.forEach(customer -> events.publishEvent(new SegmentLeft(workspace, segment, customer)));
        return new Changes(entered, left);
    }

    private List<CustomerId> enter(WorkspaceId workspace, SegmentId segment, SqlPredicate rule,
                                   @Nullable Collection<CustomerId> only, Instant now) {
        var params = new ArrayList<Object>(List.of(segment.value(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                workspace.value()));
        var sql = new StringBuilder("""
                insert into segment_member (workspace_id, segment_id, customer_id, entered_at)
                select c.workspace_id, ?, c.id, ? from customer c where\s""").append(LIVE_CUSTOMERS);
        restrict(sql, params, "c.id", only);
        sql.append(" and ").append(rule.sql()).append(" on conflict do nothing returning customer_id");
        params.addAll(rule.params());
        return ids(sql.toString(), params);
    }

    private List<CustomerId> leave(WorkspaceId workspace, SegmentId segment, SqlPredicate rule,
                                   @Nullable Collection<CustomerId> only) {
        var params = new ArrayList<Object>(List.of(workspace.value(), segment.value()));
        var sql = new StringBuilder("delete from segment_member m where m.workspace_id = ? and m.segment_id = ?");
        restrict(sql, params, "m.customer_id", only);
        sql.append(" and not exists (select 1 from customer c where c.id = m.customer_id and ")
                .append(LIVE_CUSTOMERS).append(" and ").append(rule.sql()).append(") returning m.customer_id");
        params.add(workspace.value());
        params.addAll(rule.params());
        return ids(sql.toString(), params);
    }

    private static void restrict(StringBuilder sql, List<Object> params, String column,
                                 @Nullable Collection<CustomerId> only) {
        if (only != null) {
            sql.append(" and ").append(column).append(" = any(?)");
            params.add(only.stream().map(CustomerId::value).toArray(UUID[]::new));
        }
    }

    private List<CustomerId> ids(String sql, List<Object> params) {
        return jdbc.sql(sql).params(params).query((row, n) -> new CustomerId(row.getObject(1, UUID.class))).list();
    }

    MemberPage members(WorkspaceId workspace, SegmentId segment, int page, int size) {
        var from = """
                from segment_member m join customer c on c.workspace_id = m.workspace_id and c.id = m.customer_id
                where m.workspace_id = ? and m.segment_id = ? and c.merged_into is null and c.erased_at is null""";
        var total = jdbc.sql("select count(*) " + from).params(workspace.value(), segment.value())
                .query(Long.class).single();
        var items = jdbc.sql("select c.id, c.name, c.email, c.phone, m.entered_at " + from
                        + " order by m.entered_at desc, c.id limit ? offset ?")
                .params(workspace.value(), segment.value(), size, (long) page * size)
                .query((row, n) -> new Member(new CustomerId(row.getObject("id", UUID.class)), row.getString("name"),
                        row.getString("email"), row.getString("phone"), row.getTimestamp("entered_at").toInstant()))
                .list();
        return new MemberPage(items, page, size, total);
    }

    /** Members by id, after {@code after}: a stable walk through a large segment. */
    List<CustomerId> memberIds(WorkspaceId workspace, SegmentId segment, @Nullable CustomerId after, int limit) {
        return jdbc.sql("""
                        select m.customer_id from segment_member m
                        join customer c on c.workspace_id = m.workspace_id and c.id = m.customer_id
                        where m.workspace_id = ? and m.segment_id = ? and m.customer_id > ?
                          and c.merged_into is null and c.erased_at is null
                        order by m.customer_id limit ?""")
                .params(workspace.value(), segment.value(), after == null ? new UUID(0, 0) : after.value(), limit)
                .query((row, n) -> new CustomerId(row.getObject(1, UUID.class))).list();
    }

    boolean isMember(WorkspaceId workspace, SegmentId segment, CustomerId customer) {
        return jdbc.sql("""
                        select exists (select 1 from segment_member m
                        join customer c on c.workspace_id = m.workspace_id and c.id = m.customer_id
                        where m.workspace_id = ? and m.segment_id = ? and m.customer_id = ?
                          and c.merged_into is null and c.erased_at is null)""")
                .params(workspace.value(), segment.value(), customer.value()).query(Boolean.class).single();
    }

    /** When the customer entered each segment they are in. */
    List<Entry> entries(WorkspaceId workspace, CustomerId customer) {
        return jdbc.sql("""
                        select m.segment_id, m.entered_at from segment_member m
                        join customer c on c.workspace_id = m.workspace_id and c.id = m.customer_id
                        where m.workspace_id = ? and m.customer_id = ? and c.merged_into is null and c.erased_at is null""")
                .params(workspace.value(), customer.value())
                .query((row, n) -> new Entry(new SegmentId(row.getObject(1, UUID.class)),
                        row.getTimestamp(2).toInstant()))
                .list();
    }

    record Entry(SegmentId segment, Instant enteredAt) {
    }
}
