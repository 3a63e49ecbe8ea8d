package io.beseda.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.workspace.WorkspaceId;

/** What customers said when asked to rate the help they got: per conversation, and averaged per operator and team. */
@Service
public class CsatRatings {

    /** One request: whom it rated, and the answer once there is one. */
    public record Request(UUID id, @Nullable UUID assigneeId, Instant requestedAt, @Nullable Integer rating, @Nullable Instant ratedAt) {
    }

    /** The ratings of one operator or team ({@code id} null: none); {@code average} is null without ratings. */
    public record Average(@Nullable UUID id, @Nullable String name, int ratings, @Nullable Double average) {
    }

    public record Summary(Instant from, Instant to, int ratings, @Nullable Double average, List<Average> byOperator,
                          List<Average> byTeam) {
    }

    private final JdbcClient jdbc;
    private final Conversations conversations;

    CsatRatings(JdbcClient jdbc, Conversations conversations) {
        this.jdbc = jdbc;
        this.conversations = conversations;
    }

    /** Newest first. */
    public List<Request> forConversation(WorkspaceId workspace, UUID conversationId) {
        conversations.get(workspace, conversationId);
        return jdbc.sql("select * from csat_request where workspace_id = ? and conversation_id = ? order by requested_at desc")
                .params(workspace.value(), conversationId)
                .query((row, n) -> new Request(row.getObject("id", UUID.class), row.getObject("assignee_id", UUID.class),
                        row.getTimestamp("requested_at").toInstant(), (Integer) row.getObject("rating"),
                        row.getTimestamp("rated_at") == null ? null : row.getTimestamp("rated_at").toInstant()))
                .list();
    }

    /** Ratings given in [from, to). */
    public Summary summary(WorkspaceId workspace, Instant from, Instant to) {
        var byOperator = averages(workspace, from, to, "r.assignee_id", "left join app_user x on x.id = r.assignee_id", "x.display_name");
        var byTeam = averages(workspace, from, to, "c.team_id", "left join team x on x.id = c.team_id", "x.name");
        var overall = jdbc.sql("""
                select count(*), avg(rating)::float8 from csat_request
                where workspace_id = ? and rating is not null and rated_at >= ? and rated_at < ?""")
                .params(workspace.value(), Timestamp.from(from), Timestamp.from(to))
                .query((row, n) -> new Average(null, null, row.getInt(1), (Double) row.getObject(2))).single();
        return new Summary(from, to, overall.ratings(), overall.average(), byOperator, byTeam);
    }

    private List<Average> averages(WorkspaceId workspace, Instant from, Instant to, String key, String join, String name) {
        return jdbc.sql("select " + key + " as id, " + name + " as name, count(*) as ratings, avg(r.rating)::float8 as average"
                        + " from csat_request r join conversation c on c.id = r.conversation_id " + join
                        + " where r.workspace_id = ? and r.rating is not null and r.rated_at >= ? and r.rated_at < ?"
                        + " group by " + key + ", " + name + " order by " + name)
                .params(workspace.value(), Timestamp.from(from), Timestamp.from(to))
                .query((row, n) -> new Average(row.getObject("id", UUID.class), row.getString("name"), row.getInt("ratings"),
                        (Double) row.getObject("average"))).list();
    }
}
