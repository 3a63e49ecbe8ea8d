package io.beseda.customer.tracker;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.workspace.WorkspaceId;

/**
 * Each workspace's tracker: a public token for the shop's pages and, once an admin asks for one, a
 * secret the shop's backend signs customer identities with. Both are made when first needed.
 */
@Service
class Trackers implements io.beseda.customer.TrackerTokens {

    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    Trackers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param secret null until the first rotation; identities cannot be signed before that */
    record Tracker(WorkspaceId workspaceId, String token, @Nullable String secret, @Nullable Instant secretRotatedAt,
                   Instant createdAt) {

        @Override
        public String toString() {
            return "Tracker[workspaceId=" + workspaceId + ", token=" + token + "]";
        }
    }

    /** The workspace's tracker, created on first use. */
    @Transactional
    Tracker of(WorkspaceId workspace) {
        jdbc.sql("insert into tracker (workspace_id, token, created_at) values (?, ?, ?) on conflict (workspace_id) do nothing")
                .params(workspace.value(), "trk_" + randomText(18), Timestamp.from(clock.instant())).update();
        return jdbc.sql("select * from tracker where workspace_id = ?").param(workspace.value())
                .query(Trackers::map).single();
    }

    @Override
    public Optional<WorkspaceId> workspaceOf(String token) {
        return byToken(token).map(Tracker::workspaceId);
    }

    Optional<Tracker> byToken(String token) {
        return jdbc.sql("select * from tracker where token = ?").param(token).query(Trackers::map).optional();
    }

    /** Replaces the signing secret; the old one stops working at once. Returns the new secret, shown only now. */
    @Transactional
    String rotateSecret(WorkspaceId workspace) {
        of(workspace);
        var secret = "trs_" + randomText(32);
        jdbc.sql("update tracker set secret = ?, secret_rotated_at = ? where workspace_id = ?")
                .params(secret, Timestamp.from(clock.instant()), workspace.value()).update();
        return secret;
    }

    private static String randomText(int bytes) {
        var buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    private static Tracker map(ResultSet row, int n) throws SQLException {
        var rotated = row.getTimestamp("secret_rotated_at");
        return new Tracker(new WorkspaceId(row.getObject("workspace_id", UUID.class)), row.getString("token"),
                row.getString("secret"), rotated == null ? null : rotated.toInstant(),
                row.getTimestamp("created_at").toInstant());
    }
}
