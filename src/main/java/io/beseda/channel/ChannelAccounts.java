package io.beseda.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.consent.Channel;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider accounts each workspace has configured, per channel. Settings are checked against the
 * provider's typed record when saved, and its {@link Secret} fields are kept encrypted (Tink, key outside
 * the database); {@link ChannelAccount#settings()} holds them decrypted for the connector only.
 */
@Service
public class ChannelAccounts {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SettingsCodec codec;
    private final java.util.Map<UUID, java.time.Instant> inboundNoted = new java.util.concurrent.ConcurrentHashMap<>();

    ChannelAccounts(JdbcClient jdbc, JsonMapper json, SettingsCodec codec) {
        this.jdbc = jdbc;
        this.json = json;
        this.codec = codec;
    }

    /** @throws io.beseda.shared.RuleViolationException when the settings do not fit the provider's record */
    public ChannelAccount add(WorkspaceId workspace, Channel channel, String provider, String name,
                              Map<String, Object> settings, int ratePerSecond) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into channel_account (id, workspace_id, channel, provider, name, settings, rate_per_second) values (?, ?, ?, ?, ?, ?::jsonb, ?)")
                .params(id, workspace.value(), channel.name(), provider, name,
                        json.writeValueAsString(codec.seal(id, provider, settings)), ratePerSecond)
                .update();
        return find(workspace, id).orElseThrow();
    }

    /** Replaces an account's settings (checked and sealed as on {@link #add}). */
    public ChannelAccount updateSettings(WorkspaceId workspace, UUID id, Map<String, Object> settings) {
        var account = find(workspace, id).orElseThrow(() -> new io.beseda.shared.NotFoundException("Channel account", id));
        jdbc.sql("update channel_account set settings = ?::jsonb where workspace_id = ? and id = ?")
                .params(json.writeValueAsString(codec.seal(id, account.provider(), settings)), workspace.value(), id).update();
        return find(workspace, id).orElseThrow();
    }

    /** The account's settings as its provider's typed record. */
    public <T extends Record> T settings(ChannelAccount account, Class<T> type) {
        return json.convertValue(account.settings(), type);
    }

    /** The account's settings with secrets masked, for pages and API answers. */
    public Map<String, Object> redactedSettings(ChannelAccount account) {
        return codec.redact(account.provider(), account.settings());
    }

    /**
     * The account a provider's webhook names in its URL, whatever the workspace: the caller must verify
     * the provider's signature with the account's secret before trusting anything in the request.
     */
    public Optional<ChannelAccount> forWebhook(UUID id, String provider) {
        return jdbc.sql("select * from channel_account where id = ? and provider = ? and enabled").params(id, provider)
                .query(this::map).optional();
    }

    /**
     * Renames the account and replaces its settings (checked and sealed as on {@link #add}); a secret the new settings
     * leave out or empty keeps its stored value. Empty when this workspace has no such account.
     */
    public Optional<ChannelAccount> update(WorkspaceId workspace, UUID id, String name, Map<String, Object> settings) {
        var account = find(workspace, id);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        var provider = account.get().provider();
        var kept = codec.keepingSecrets(provider, account.get().settings(), settings);
        jdbc.sql("update channel_account set name = ?, settings = ?::jsonb where workspace_id = ? and id = ?")
                .params(name, json.writeValueAsString(codec.seal(id, provider, kept)), workspace.value(), id)
                .update();
        return find(workspace, id);
    }

    /** Takes the account out of use (or back): a disabled account sends nothing and receives nothing. */
    public boolean setEnabled(WorkspaceId workspace, UUID id, boolean enabled) {
        return jdbc.sql("update channel_account set enabled = ? where workspace_id = ? and id = ?")
                .params(enabled, workspace.value(), id).update() == 1;
    }

    public boolean isEnabled(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select enabled from channel_account where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(Boolean.class).optional().orElse(false);
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

    /** An account's health for its settings page: the last customer message and the provider's last error. */
    public record Health(java.time.@Nullable Instant lastInboundAt, @Nullable String lastError, java.time.@Nullable Instant lastErrorAt) {
    }

    public Health health(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select last_inbound_at, last_error, last_error_at from channel_account where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query((row, n) -> new Health(instant(row.getTimestamp(1)), row.getString(2), instant(row.getTimestamp(3))))
                .optional().orElseThrow(() -> new io.beseda.shared.NotFoundException("Channel account", id));
    }

    /** A customer wrote through the account (written at most once a minute per account and node). */
    public void noteInbound(UUID id, java.time.Instant at) {
        var last = inboundNoted.get(id);
        if (last != null && last.plusSeconds(60).isAfter(at)) {
            return;
        }
        inboundNoted.put(id, at);
        jdbc.sql("update channel_account set last_inbound_at = greatest(coalesce(last_inbound_at, ?), ?) where id = ?")
                .params(java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), id).update();
    }

    /** The provider refused or failed: kept (clipped to 500 characters) for the settings page. */
    public void noteError(UUID id, String error, java.time.Instant at) {
        jdbc.sql("update channel_account set last_error = ?, last_error_at = ? where id = ?")
                .params(error.length() > 500 ? error.substring(0, 500) : error, java.sql.Timestamp.from(at), id).update();
    }

    private static java.time.@Nullable Instant instant(java.sql.@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    public List<ChannelAccount> list(WorkspaceId workspace) {
        return jdbc.sql("select * from channel_account where workspace_id = ? order by channel, created_at")
                .param(workspace.value()).query(this::map).list();
    }

    private ChannelAccount map(ResultSet row, int n) throws SQLException {
        return new ChannelAccount(row.getObject("id", UUID.class), new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                Channel.valueOf(row.getString("channel")), row.getString("provider"), row.getString("name"),
                codec.open(row.getObject("id", UUID.class), json.readValue(row.getString("settings"), new TypeReference<Map<String, Object>>() {
                })), row.getInt("rate_per_second"));
    }
}
