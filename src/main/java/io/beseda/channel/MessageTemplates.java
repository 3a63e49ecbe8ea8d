package io.beseda.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.consent.Channel;
import io.beseda.workspace.WorkspaceId;

/**
 * The message templates providers approved for a workspace's accounts (today WhatsApp's), as the connectors
 * last fetched them. Deliberately small: what the composer, journeys and the API need to offer and send an
 * approved template; creating or editing templates stays in the provider's own console.
 */
@Service
public class MessageTemplates {

    /** A template as a provider lists it; {@code sendable} when Beseda can fill in everything it needs. */
    public record Synced(String name, String language, String category, String status, String text, List<String> parameters,
                         boolean sendable) {
    }

    private final JdbcClient jdbc;
    private final ChannelAccounts accounts;
    private final Clock clock;

    MessageTemplates(JdbcClient jdbc, ChannelAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The approved templates Beseda can send in the channel: those of the account messages in it go through
     * ({@link ChannelAccounts#forChannel}), by name and language.
     */
    public List<MessageTemplate> approved(WorkspaceId workspace, Channel channel) {
        return accounts.forChannel(workspace, channel).map(account -> jdbc.sql("""
                        select * from message_template
                        where workspace_id = ? and account_id = ? and status = 'APPROVED' and sendable
                        order by name, language""")
                .params(workspace.value(), account.id()).query(this::map).list()).orElse(List.of());
    }

    /** One approved, sendable template of the workspace. */
    public Optional<MessageTemplate> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from message_template where workspace_id = ? and id = ? and status = 'APPROVED' and sendable")
                .params(workspace.value(), id).query(this::map).optional();
    }

    /** For connectors: the account's templates are now exactly these (a template keeps its id across syncs). */
    @Transactional
    public void replace(ChannelAccount account, List<Synced> templates) {
        var now = Timestamp.from(clock.instant());
        for (var t : templates) {
            jdbc.sql("""
                    insert into message_template (id, workspace_id, account_id, channel, name, language, category, status, text,
                        parameters, sendable, synced_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (account_id, name, language) do update set category = excluded.category, status = excluded.status,
                        text = excluded.text, parameters = excluded.parameters, sendable = excluded.sendable, synced_at = excluded.synced_at""")
                    .params(UUID.randomUUID(), account.workspaceId().value(), account.id(), account.channel().name(), t.name(),
                            t.language(), t.category(), t.status(), t.text(), t.parameters().toArray(String[]::new), t.sendable(), now)
                    .update();
        }
        jdbc.sql("delete from message_template where workspace_id = ? and account_id = ? and synced_at < ?")
                .params(account.workspaceId().value(), account.id(), now).update();
    }

    private MessageTemplate map(ResultSet row, int n) throws SQLException {
        return new MessageTemplate(row.getObject("id", UUID.class), row.getObject("account_id", UUID.class),
                Channel.valueOf(row.getString("channel")), row.getString("name"), row.getString("language"),
                row.getString("category"), row.getString("text"),
                Arrays.asList((String[]) row.getArray("parameters").getArray()));
    }
}
