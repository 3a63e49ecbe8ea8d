package io.beseda.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.workspace.WorkspaceId;

/** Missed response targets in a period, counted per team and per operator. */
@Service
public class SlaReports {

    /** Breaches of one team or operator ({@code id} null: none at the time); {@code name} as it is now. */
    public record Count(@Nullable UUID id, @Nullable String name, int firstResponse, int nextResponse) {
    }

    public record Report(Instant from, Instant to, int total, List<Count> byTeam, List<Count> byOperator) {
    }

    private final JdbcClient jdbc;

    SlaReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Breaches that happened in [from, to). */
    public Report breaches(WorkspaceId workspace, Instant from, Instant to) {
        var byTeam = counts(workspace, from, to, "b.team_id", "left join team x on x.id = b.team_id", "x.name");
        var byOperator = counts(workspace, from, to, "b.assignee_id", "left join app_user x on x.id = b.assignee_id", "x.display_name");
        int total = byTeam.stream().mapToInt(c -> c.firstResponse() + c.nextResponse()).sum();
        return new Report(from, to, total, byTeam, byOperator);
    }

    private List<Count> counts(WorkspaceId workspace, Instant from, Instant to, String key, String join, String name) {
        return jdbc.sql("select " + key + " as id, " + name + " as name,"
                        + " count(*) filter (where b.kind = 'FIRST_RESPONSE') as first_response,"
                        + " count(*) filter (where b.kind = 'NEXT_RESPONSE') as next_response"
                        + " from sla_breach b " + join
                        + " where b.workspace_id = ? and b.breached_at >= ? and b.breached_at < ?"
                        + " group by " + key + ", " + name + " order by count(*) desc, " + name)
                .params(workspace.value(), Timestamp.from(from), Timestamp.from(to))
                .query((row, n) -> new Count(row.getObject("id", UUID.class), row.getString("name"), row.getInt("first_response"),
                        row.getInt("next_response"))).list();
    }
}
