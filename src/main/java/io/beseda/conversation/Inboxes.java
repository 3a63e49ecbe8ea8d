package io.beseda.conversation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.workspace.WorkspaceId;

/**
 * Where conversations land. Every workspace has a default inbox (made on first need); an account mapped
 * to another inbox sends its conversations there.
 */
@Service
public class Inboxes {

    private final JdbcClient jdbc;

    Inboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID defaultInbox(WorkspaceId workspace) {
        var existing = jdbc.sql("select id from inbox where workspace_id = ? and is_default").param(workspace.value())
                .query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                insert into inbox (id, workspace_id, name, is_default, time_zone)
                select ?, w.id, 'Основные входящие', true, w.time_zone from workspace w where w.id = ?
                on conflict do nothing""").params(UUID.randomUUID(), workspace.value()).update();
        return jdbc.sql("select id from inbox where workspace_id = ? and is_default").param(workspace.value())
                .query(UUID.class).single();
    }

    /** The inbox messages from this account land in: its mapped inbox, or the default one. */
    public UUID forAccount(WorkspaceId workspace, @Nullable UUID account) {
        if (account != null) {
            var mapped = jdbc.sql("select inbox_id from inbox_account where workspace_id = ? and account_id = ?")
                    .params(workspace.value(), account).query(UUID.class).optional();
            if (mapped.isPresent()) {
                return mapped.get();
            }
        }
        return defaultInbox(workspace);
    }
}
