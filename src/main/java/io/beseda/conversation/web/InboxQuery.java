package io.beseda.conversation.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.consent.Channel;
import io.beseda.conversation.ConversationStatus;
import io.beseda.conversation.Priority;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.workspace.Users;
import io.beseda.workspace.WorkspaceId;

/**
 * The inbox list as one query per screen: rows with their last message, the viewer's unread count, team,
 * SLA state, and the counts of the tabs. Names come in one call each from the customer and workspace
 * modules, never one per row.
 */
@Component
class InboxQuery {

    static final int PREVIEW = 140;

    private final JdbcClient jdbc;
    private final Customers customers;
    private final Users users;
    private final Clock clock;

    InboxQuery(JdbcClient jdbc, Customers customers, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
        this.clock = clock;
    }

    record Counts(long mine, long unassigned, long all) {
    }

    record Team(UUID id, String name) {
    }

    /** @param only just these conversations (a live refresh), or null for the list's first page */
    List<InboxRow> rows(WorkspaceId workspace, UUID viewer, InboxFilter filter, @Nullable Collection<UUID> only, int limit) {
        var where = new Where(workspace, viewer, filter);
        where.tab(filter.tab());
        if (only != null) {
            where.add("c.id = any(:ids)", "ids", only.toArray(UUID[]::new));
        }
        var raw = where.bind(jdbc.sql("""
                select c.id, c.customer_id, c.status, c.last_channel, c.last_address, c.last_message_at, c.priority, c.labels,
                       c.assignee_id, t.name as team_name, c.response_due_at, c.sla_breached_at,
                       last.text as last_text, last.direction as last_direction,
                       (select count(*) from conversation_message m where m.workspace_id = c.workspace_id and m.conversation_id = c.id
                          and m.direction = 'IN' and m.created_at > coalesce(r.read_at, '-infinity'::timestamptz)) as unread
                from conversation c
                left join team t on t.id = c.team_id
                left join conversation_read r on r.conversation_id = c.id and r.user_id = :viewer
                left join lateral (select m.text, m.direction from conversation_message m
                                   where m.workspace_id = c.workspace_id and m.conversation_id = c.id and m.direction <> 'NOTE'
                                   order by m.created_at desc, m.id desc limit 1) last on true
                """ + " where " + where.sql() + " order by " + order(filter.tab()) + " limit :limit"))
                .param("limit", limit)
                .query(this::raw).list();
        return named(workspace, raw, filter.tab());
    }

    Counts counts(WorkspaceId workspace, UUID viewer, InboxFilter filter) {
        var where = new Where(workspace, viewer, filter);
        var active = where.statusCondition();
        return where.bind(jdbc.sql("select count(*) filter (where c.assignee_id = :viewer and " + active + ") as mine, "
                        + "count(*) filter (where c.assignee_id is null and c.status = 'OPEN') as unassigned, "
                        + "count(*) filter (where " + active + ") as everyone from conversation c where " + where.sql()))
                .query((row, n) -> new Counts(row.getLong("mine"), row.getLong("unassigned"), row.getLong("everyone")))
                .single();
    }

    List<Team> teams(WorkspaceId workspace) {
        return jdbc.sql("select id, name from team where workspace_id = ? order by name").param(workspace.value())
                .query((row, n) -> new Team(row.getObject("id", UUID.class), row.getString("name"))).list();
    }

    List<String> labels(WorkspaceId workspace) {
        return jdbc.sql("select distinct l from conversation, unnest(labels) as l where workspace_id = ? order by l limit 200")
                .param(workspace.value()).query(String.class).list();
    }

    private static String order(InboxFilter.Tab tab) {
        return tab == InboxFilter.Tab.UNASSIGNED
                ? "(c.sla_breached_at is not null) desc, " + PRIORITY_RANK + ", c.response_due_at nulls last, c.last_message_at desc, c.id"
                : "c.last_message_at desc, c.id";
    }

    private static final String PRIORITY_RANK = "case c.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end";

    private record Raw(UUID id, CustomerId customer, @Nullable String address, Channel channel, ConversationStatus status,
                       @Nullable String lastText, boolean lastFromCustomer, Instant lastMessageAt, long unread, Priority priority,
                       List<String> labels, @Nullable UUID assignee, @Nullable String team, @Nullable Instant dueAt,
                       @Nullable Instant breachedAt) {
    }

    private Raw raw(ResultSet row, int n) throws SQLException {
        return new Raw(row.getObject("id", UUID.class), new CustomerId(row.getObject("customer_id", UUID.class)),
                row.getString("last_address"), Channel.valueOf(row.getString("last_channel")),
                ConversationStatus.valueOf(row.getString("status")), row.getString("last_text"),
                "IN".equals(row.getString("last_direction")), row.getTimestamp("last_message_at").toInstant(), row.getLong("unread"),
                Priority.valueOf(row.getString("priority")), List.of((String[]) row.getArray("labels").getArray()),
                row.getObject("assignee_id", UUID.class), row.getString("team_name"), instant(row, "response_due_at"),
                instant(row, "sla_breached_at"));
    }

    private List<InboxRow> named(WorkspaceId workspace, List<Raw> raw, InboxFilter.Tab tab) {
        var names = customers.names(workspace, raw.stream().map(Raw::customer).toList());
        var operators = new HashMap<UUID, String>();
        if (raw.stream().anyMatch(r -> r.assignee() != null)) {
            users.list(workspace).forEach(u -> operators.put(u.id().value(), u.displayName()));
        }
        var now = clock.instant();
        var rows = new ArrayList<InboxRow>(raw.size());
        for (var r : raw) {
            var sla = SlaFlag.of(r.dueAt(), r.breachedAt(), now);
            rows.add(new InboxRow(r.id(), r.customer(), names.getOrDefault(r.customer(), r.address()), r.channel(), r.status(),
                    preview(r.lastText()), r.lastFromCustomer(), r.lastMessageAt(), r.unread(), r.priority(), r.labels(),
                    r.assignee() == null ? null : operators.getOrDefault(r.assignee(), "—"), r.team(), sla,
                    rank(tab, r, sla)));
        }
        return rows;
    }

    /** Mirrors the SQL order as a string that sorts the same way, for rows placed by the browser. */
    private static String rank(InboxFilter.Tab tab, Raw r, SlaFlag sla) {
        var recent = String.format("%019d", Long.MAX_VALUE - micros(r.lastMessageAt()));
        if (tab != InboxFilter.Tab.UNASSIGNED) {
            return recent;
        }
        var due = r.dueAt() == null ? "9".repeat(19) : String.format("%019d", micros(r.dueAt()));
        return (r.breachedAt() != null ? "0" : "1") + (3 - r.priority().ordinal()) + due + recent;
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    static @Nullable String preview(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > PREVIEW ? flat.substring(0, PREVIEW - 1) + "…" : flat;
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The filter's conditions with their named parameters. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();
        private final InboxFilter filter;

        Where(WorkspaceId workspace, UUID viewer, InboxFilter filter) {
            this.filter = filter;
            add("c.workspace_id = :ws", "ws", workspace.value());
            params.put("viewer", viewer);
            if (filter.channel() != null) {
                add("c.last_channel = :channel", "channel", filter.channel().name());
            }
            if (filter.team() != null) {
                add("c.team_id = :team", "team", filter.team());
            }
            if (filter.label() != null) {
                add("c.labels @> array[cast(:label as text)]", "label", filter.label());
            }
        }

        void add(String condition, String name, Object value) {
            conditions.add(condition);
            params.put(name, value);
        }

        String statusCondition() {
            if (filter.status() == null) {
                return "c.status <> 'RESOLVED'";
            }
            params.put("status", filter.status().name());
            return "c.status = :status";
        }

        void tab(InboxFilter.Tab tab) {
            switch (tab) {
                case MINE -> conditions.add("c.assignee_id = :viewer and " + statusCondition());
                case UNASSIGNED -> conditions.add("c.assignee_id is null and c.status = 'OPEN'");
                case ALL -> conditions.add(statusCondition());
            }
        }

        String sql() {
            return String.join(" and ", conditions);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
    }
}
