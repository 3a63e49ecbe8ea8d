package io.beseda.customer.segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerId;
import io.beseda.customer.segment.rule.Rule;
import io.beseda.customer.segment.rule.RuleCompiler;
import io.beseda.customer.segment.rule.SqlPredicate;
import io.beseda.workspace.WorkspaceId;

/** Runs a rule over the workspace's live customers (not erased, not merged away) without storing anything. */
@Component
class RuleMatcher {

    /** The customers a segment may hold: {@code customer c} of the workspace bound first, alive. */
    static final String LIVE_CUSTOMERS = "c.workspace_id = ? and c.merged_into is null and c.erased_at is null";

    private final JdbcClient jdbc;

    RuleMatcher(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count(WorkspaceId workspace, Rule rule, Instant now) {
        var predicate = RuleCompiler.compile(rule, now);
        return jdbc.sql("select count(*) from customer c where " + LIVE_CUSTOMERS + " and " + predicate.sql())
                .params(params(workspace, predicate)).query(Long.class).single();
    }

    /** The first customers who match, most recently seen first. */
    List<Member> sample(WorkspaceId workspace, Rule rule, Instant now, int limit) {
        var predicate = RuleCompiler.compile(rule, now);
        var params = params(workspace, predicate);
        params.add(limit);
        return jdbc.sql("select c.id, c.name, c.email, c.phone from customer c where " + LIVE_CUSTOMERS + " and "
                        + predicate.sql() + " order by c.last_seen_at desc nulls last, c.id limit ?")
                .params(params)
                .query((row, n) -> new Member(new CustomerId(row.getObject("id", UUID.class)), row.getString("name"),
                        row.getString("email"), row.getString("phone"), null))
                .list();
    }

    /** Everyone who matches, in no particular order. */
    List<CustomerId> matching(WorkspaceId workspace, Rule rule, Instant now) {
        var predicate = RuleCompiler.compile(rule, now);
        return jdbc.sql("select c.id from customer c where " + LIVE_CUSTOMERS + " and " + predicate.sql())
                .params(params(workspace, predicate))
                .query((row, n) -> new CustomerId(row.getObject(1, UUID.class))).list();
    }

    private static List<Object> params(WorkspaceId workspace, SqlPredicate predicate) {
        var params = new ArrayList<Object>();
        params.add(workspace.value());
        params.addAll(predicate.params());
        return params;
    }
}
