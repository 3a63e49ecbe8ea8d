package io.beseda.consent;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.beseda.customer.CustomerId;
import io.beseda.shared.AfterCommit;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.WorkspaceId;

/**
 * When each customer last wrote in each channel (it opens WhatsApp's 24-hour window). A customer writing
 * a burst of messages costs one write, not one each: news less than a minute newer than what this node
 * last wrote is dropped before it reaches the database, and in the database too, so the window is taken
 * to close at most a minute early, never late. Under load the rewrite of that row cost more than storing
 * the message itself.
 */
@Component
class InboundActivity {

    static final Duration PRECISION = Duration.ofMinutes(1);
    private static final int REMEMBERED = 200_000;

    private record Key(WorkspaceId workspace, CustomerId customer, Channel channel) {
    }

    private final Map<Key, Instant> written = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;

    InboundActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(WorkspaceId workspace, CustomerId customer, Channel channel, Instant at) {
        var key = new Key(workspace, customer, channel);
        var last = written.get(key);
        if (last != null && !at.isBefore(last) && at.isBefore(last.plus(PRECISION))) {
            return;
        }
        // One statement: the activity belongs to the profile this one was merged into, if it was.
        var known = jdbc.sql("""
                with profile as (select c.workspace_id, coalesce(c.merged_into, c.id) as id from customer c where c.id = ? and c.workspace_id = ?),
                recorded as (
                    insert into customer_channel_activity (workspace_id, customer_id, channel, last_inbound_at)
                    select workspace_id, id, ?, ? from profile
                    on conflict (workspace_id, customer_id, channel)
                    do update set last_inbound_at = excluded.last_inbound_at
                    where customer_channel_activity.last_inbound_at < excluded.last_inbound_at - interval '1 minute')
                select count(*) from profile""")
                .params(customer.value(), workspace.value(), channel.name(), Timestamp.from(at)).query(Integer.class).single();
        if (known == 0) {
            throw new NotFoundException("Customer", customer);
        }
        AfterCommit.run(() -> remember(key, at));
    }

    private void remember(Key key, Instant at) {
        if (written.size() >= REMEMBERED) {
            written.clear(); // forgetting only costs a write each
        }
        written.merge(key, at, (before, now) -> now.isAfter(before) ? now : before);
    }
}
