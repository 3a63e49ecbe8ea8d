package io.beseda.workspace.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Role;
import io.beseda.workspace.WorkspaceId;

/**
 * Issues, lists, revokes and checks API keys. A key is checked against the database on every request,
 * so a revoked key is refused at once on every node.
 */
@Service
public class ApiKeys {

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public IssuedApiKey issue(WorkspaceId workspace, String name, String createdBy) {
        var id = new ApiKeyId(UUID.randomUUID());
        var secret = ApiKeySecret.generate();
        try {
            jdbc.sql("""
                    insert into api_key (id, workspace_id, name, prefix, secret_hash, created_by)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id.value(), workspace.value(), name.trim(), ApiKeySecret.prefix(secret),
                            ApiKeySecret.hash(secret), createdBy)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("api-key.name.taken", "An active API key with this name already exists");
        }
        return new IssuedApiKey(get(workspace, id), secret);
    }

    public List<ApiKey> list(WorkspaceId workspace) {
        return jdbc.sql("select * from api_key where workspace_id = ? order by revoked_at nulls first, created_at desc")
                .param(workspace.value()).query(ApiKeys::map).list();
    }

    public ApiKey get(WorkspaceId workspace, ApiKeyId id) {
        return jdbc.sql("select * from api_key where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value()).query(ApiKeys::map).optional()
                .orElseThrow(() -> new NotFoundException("API key", id));
    }

    /** Revokes the key; revoking a revoked key changes nothing. */
    @Transactional
    public ApiKey revoke(WorkspaceId workspace, ApiKeyId id) {
        jdbc.sql("update api_key set revoked_at = now() where workspace_id = ? and id = ? and revoked_at is null")
                .params(workspace.value(), id.value()).update();
        return get(workspace, id);
    }

    /** Revokes the active key with this name; empty when there is none. */
    @Transactional
    public Optional<ApiKey> revokeByName(WorkspaceId workspace, String name) {
        return jdbc.sql("""
                update api_key set revoked_at = now()
                where workspace_id = ? and lower(name) = lower(?) and revoked_at is null
                returning *""")
                .params(workspace.value(), name.trim()).query(ApiKeys::map).optional();
    }

    /** The actor behind a presented secret, if it names an active key; records when it was last used. */
    @Transactional
    public Optional<Actor> authenticate(String secret, Instant now) {
        if (!ApiKeySecret.wellFormed(secret)) {
            return Optional.empty();
        }
        var key = jdbc.sql("select * from api_key where secret_hash = ? and revoked_at is null")
                .param(ApiKeySecret.hash(secret)).query(ApiKeys::map).optional();
        key.ifPresent(k -> touch(k, now));
        return key.map(k -> new Actor(k.workspaceId(), Actor.Kind.API_KEY, k.id().value(), k.name(), Role.ADMIN));
    }

    private void touch(ApiKey key, Instant now) {
        // At most one write a minute per key: busy integrations should not turn reads into writes.
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minusSeconds(60))) {
            jdbc.sql("update api_key set last_used_at = ? where id = ?")
                    .params(Timestamp.from(now), key.id().value()).update();
        }
    }

    private static ApiKey map(ResultSet row, int n) throws SQLException {
        return new ApiKey(new ApiKeyId(row.getObject("id", UUID.class)),
                new WorkspaceId(row.getObject("workspace_id", UUID.class)), row.getString("name"),
                row.getString("prefix"), row.getString("created_by"), row.getTimestamp("created_at").toInstant(),
                instant(row.getTimestamp("last_used_at")), instant(row.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
