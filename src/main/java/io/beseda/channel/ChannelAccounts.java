package io.beseda.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.consent.Channel;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The provider accounts each workspace has configured, per channel. */
@Service
public class ChannelAccounts {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChannelAccounts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public ChannelAccount add(WorkspaceId workspace, Channel channel, String provider, String name,
                              Map<String, Object> settings, int ratePerSecond) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into channel_account (id, workspace_id, channel, provider, name, settings, rate_per_second) values (?, ?, ?, ?, ?, ?::jsonb, ?)")
                .params(id, workspace.value(), channel.name(), provider, name, json.writeValueAsString(settings), ratePerSecond)
                .update();
        return find(workspace, id).orElseThrow();
    }

    /** Renames the account and replaces its settings; empty when this workspace has no such account. */
    public Optional<ChannelAccount> update(WorkspaceId workspace, UUID id, String name, Map<String, Object> settings) {
        var changed = jdbc.sql("update channel_account set name = ?, settings = ?::jsonb where workspace_id = ? and id = ?")
                .params(name, json.writeValueAsString(settings), workspace.value(), id).update();
        return changed == 1 ? find(workspace, id) : Optional.empty();
    }

    /** Takes the account out of use (or back): a disabled account sends nothing and receives nothing. */
    public boolean setEnabled(WorkspaceId workspace, UUID id, boolean enabled) {
        return jdbc.sql("update channel_account set enabled = ? where workspace_id = ? and id = ?")
                .params(enabled, workspace.value(), id).update() == 1;
    }

    public Optional<ChannelAccount> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from channel_account where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(this::map).optional();
    }

    /** The account a message in this channel goes through: the oldest enabled one. */
    public Optional<ChannelAccount> forChannel(WorkspaceId workspace, Channel channel) {
        return jdbc.sql("select * from channel_account where workspace_id = ? and channel = ? and enabled order by created_at, id limit 1")
                .params(workspace.value(), channel.name()).query(this::map).optional();
    }

    public List<ChannelAccount> list(WorkspaceId workspace) {
        return jdbc.sql("select * from channel_account where workspace_id = ? order by channel, created_at")
                .param(workspace.value()).query(this::map).list();
    }

    private ChannelAccount map(ResultSet row, int n) throws SQLException {
        return new ChannelAccount(row.getObject("id", UUID.class), new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                Channel.valueOf(row.getString("channel")), row.getString("provider"), row.getString("name"),
                json.readValue(row.getString("settings"), new TypeReference<Map<String, Object>>() {
                }), row.getInt("rate_per_second"));
    }
}
