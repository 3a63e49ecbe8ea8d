package io.beseda.conversation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.workspace.WorkspaceId;
import io.beseda.shared.AfterCommit;

/**
 * Where conversations land. Every workspace has a default inbox (made on first need); an account mapped
 * to another inbox sends its conversations there. Both are asked for every inbound message, so they are
 * kept in memory: the default inbox for good, an account's mapping for a few seconds (see {@link RecentReads}).
 */
@Service
public class Inboxes {

    private final JdbcClient jdbc;
    /** A workspace's default inbox never changes once made (it cannot be deleted), so it is kept for good. */
    private final Map<WorkspaceId, UUID> defaults = new ConcurrentHashMap<>();
    private final RecentReads<Mapping, Optional<UUID>> mapped;

    private record Mapping(WorkspaceId workspace, UUID account) {
    }

    Inboxes(JdbcClient jdbc, @Value("${beseda.conversation.settings-cache-ttl:5s}") Duration settingsTtl) {
        this.jdbc = jdbc;
        this.mapped = new RecentReads<>(settingsTtl);
    }

    public UUID defaultInbox(WorkspaceId workspace) {
        var known = defaults.get(workspace);
        if (known != null) {
            return known;
        }
        var existing = jdbc.sql("select id from inbox where workspace_id = ? and is_default").param(workspace.value())
                .query(UUID.class).optional();
        if (existing.isPresent()) {
            remember(workspace, existing.get());
            return existing.get();
        }
        jdbc.sql("""
                insert into inbox (id, workspace_id, name, is_default, time_zone)
                select ?, w.id, 'Основные входящие', true, w.time_zone from workspace w where w.id = ?
                on conflict do nothing""").params(UUID.randomUUID(), workspace.value()).update();
        var made = jdbc.sql("select id from inbox where workspace_id = ? and is_default").param(workspace.value())
                .query(UUID.class).single();
        remember(workspace, made);
        return made;
    }

    /** Kept once committed: a default inbox made in a transaction that rolls back never existed. */
    private void remember(WorkspaceId workspace, UUID inbox) {
        AfterCommit.run(() -> defaults.put(workspace, inbox));
    }

    /** Accounts were mapped to other inboxes, or an inbox went away. */
    void mappingsChanged() {
        mapped.forgetAll();
    }

    /** The inbox messages from this account land in: its mapped inbox, or the default one. */
    public UUID forAccount(WorkspaceId workspace, @Nullable UUID account) {
        if (account != null) {
            var inbox = mapped.get(new Mapping(workspace, account), key -> jdbc.sql(
                            "select inbox_id from inbox_account where workspace_id = ? and account_id = ?")
                    .params(key.workspace().value(), key.account()).query(UUID.class).optional());
            if (inbox.isPresent()) {
                return inbox.get();
            }
        }
        return defaultInbox(workspace);
    }
}
