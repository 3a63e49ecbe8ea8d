package io.beseda.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.customer.CustomerId;
import io.beseda.customer.SegmentId;
import io.beseda.customer.Segments;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.WorkspaceId;

/** The shop's promotions: kept, and asked for as "what is on now for this customer". */
@Service
public class Promotions {

    private final JdbcClient jdbc;
    private final Segments segments;
    private final Clock clock;

    Promotions(JdbcClient jdbc, Segments segments, Clock clock) {
        this.jdbc = jdbc;
        this.segments = segments;
        this.clock = clock;
    }

    public Promotion save(WorkspaceId workspace, Promotion promotion) {
        if (promotion.title().isBlank() || promotion.terms().isBlank()) {
            throw new RuleViolationException("catalog.promotion.incomplete", "A promotion needs a title and terms");
        }
        if (!promotion.endsAt().isAfter(promotion.startsAt())) {
            throw new RuleViolationException("catalog.promotion.dates", "A promotion must end after it starts");
        }
        if (promotion.segmentId() != null && segments.find(workspace, new SegmentId(promotion.segmentId())).isEmpty()) {
            throw new RuleViolationException("catalog.promotion.segment", "No such segment in this workspace");
        }
        jdbc.sql("""
                insert into catalog_promotion (workspace_id, id, title, terms, starts_at, ends_at, segment_id, url, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (workspace_id, id) do update set title = excluded.title, terms = excluded.terms,
                    starts_at = excluded.starts_at, ends_at = excluded.ends_at, segment_id = excluded.segment_id,
                    url = excluded.url, updated_at = excluded.updated_at""")
                .params(workspace.value(), promotion.id(), promotion.title(), promotion.terms(), Timestamp.from(promotion.startsAt()),
                        Timestamp.from(promotion.endsAt()), promotion.segmentId(), promotion.url(), Timestamp.from(clock.instant()))
                .update();
        return promotion;
    }

    /** Every promotion, the latest to end first. */
    public List<Promotion> list(WorkspaceId workspace) {
        return jdbc.sql("select * from catalog_promotion where workspace_id = ? order by ends_at desc, id").param(workspace.value())
                .query(Promotions::map).list();
    }

    public java.util.Optional<Promotion> find(WorkspaceId workspace, String id) {
        return jdbc.sql("select * from catalog_promotion where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(Promotions::map).optional();
    }

    public boolean delete(WorkspaceId workspace, String id) {
        return jdbc.sql("delete from catalog_promotion where workspace_id = ? and id = ?").params(workspace.value(), id).update() == 1;
    }

    private static Promotion map(java.sql.ResultSet r, int n) throws java.sql.SQLException {
        return new Promotion(r.getString("id"), r.getString("title"), r.getString("terms"), r.getTimestamp("starts_at").toInstant(),
                r.getTimestamp("ends_at").toInstant(), r.getObject("segment_id", UUID.class), r.getString("url"));
    }

    /** What runs now, for everyone or for any segment, ending soonest first. */
    public List<Promotion> running(WorkspaceId workspace) {
        var now = Timestamp.from(clock.instant());
        return jdbc.sql("select * from catalog_promotion where workspace_id = ? and starts_at <= ? and ends_at > ? order by ends_at, id")
                .params(workspace.value(), now, now).query(Promotions::map).list();
    }

    /**
     * What runs now and this customer may be told about: the promotions for everyone and those of the
     * segments the customer is in (none of the segment ones for an unknown customer), ending soonest first.
     */
    public List<Promotion> current(WorkspaceId workspace, @org.jspecify.annotations.Nullable CustomerId customer) {
        var mine = customer == null ? java.util.Set.<UUID>of()
                : segments.of(workspace, customer).stream().map(s -> s.id().value()).collect(java.util.stream.Collectors.toSet());
        return running(workspace).stream().filter(p -> p.segmentId() == null || mine.contains(p.segmentId())).toList();
    }
}
