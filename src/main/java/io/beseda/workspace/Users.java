package io.beseda.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;

/**
 * The people of each workspace. Guards the rules that keep a workspace manageable: it always keeps an
 * enabled owner, nobody disables themselves, and only an owner makes or unmakes owners.
 */
@Service
public class Users {

    public static final int MIN_PASSWORD_LENGTH = 10;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Users(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public List<User> list(WorkspaceId workspace) {
        return jdbc.sql("select * from app_user where workspace_id = ? order by created_at, email")
                .param(workspace.value()).query(Users::map).list();
    }

    public User get(WorkspaceId workspace, UserId id) {
        return find(workspace, id).orElseThrow(() -> new NotFoundException("User", id));
    }

    public Optional<User> find(WorkspaceId workspace, UserId id) {
        return jdbc.sql("select * from app_user where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value()).query(Users::map).optional();
    }

    @Transactional
    public User add(WorkspaceId workspace, NewUser user, Actor actor) {
        if (user.role() == Role.OWNER) {
            requireOwner(actor);
        }
        if (user.password().length() < MIN_PASSWORD_LENGTH) {
            throw new RuleViolationException("user.password.short",
                    "The password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        var id = UserId.random();
        try {
            jdbc.sql("""
                    insert into app_user (id, workspace_id, email, display_name, password_hash, role)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id.value(), workspace.value(), user.email().trim(), user.displayName().trim(),
                            passwords.encode(user.password()), user.role().name())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("user.email.taken", "A user with this e-mail already exists");
        }
        return get(workspace, id);
    }

    @Transactional
    public User changeRole(WorkspaceId workspace, UserId id, Role role, Actor actor) {
        var user = lockForChange(workspace, id);
        if (user.role() == role) {
            return user;
        }
        if (user.role() == Role.OWNER || role == Role.OWNER) {
            requireOwner(actor);
        }
        if (user.role() == Role.OWNER) {
            requireAnotherOwner(workspace, id);
        }
        jdbc.sql("update app_user set role = ? where workspace_id = ? and id = ?")
                .params(role.name(), workspace.value(), id.value()).update();
        return get(workspace, id);
    }

    @Transactional
    public User setEnabled(WorkspaceId workspace, UserId id, boolean enabled, Actor actor) {
        var user = lockForChange(workspace, id);
        if (user.enabled() == enabled) {
            return user;
        }
        if (!enabled && actor.isUser(id)) {
            throw new RuleViolationException("user.disable.self", "You cannot disable yourself");
        }
        if (user.role() == Role.OWNER) {
            requireOwner(actor);
            if (!enabled) {
                requireAnotherOwner(workspace, id);
            }
        }
        jdbc.sql("update app_user set enabled = ? where workspace_id = ? and id = ?")
                .params(enabled, workspace.value(), id.value()).update();
        return get(workspace, id);
    }

    /** Looks up a person by login across workspaces, for signing in. */
    public Optional<Credentials> credentials(String email) {
        return jdbc.sql("select * from app_user where lower(email) = ?")
                .param(email.trim().toLowerCase(Locale.ROOT))
                .query((row, n) -> new Credentials(map(row, n), row.getString("password_hash")))
                .optional();
    }

    public void recordLogin(UserId id, Instant at) {
        jdbc.sql("update app_user set last_login_at = ? where id = ?")
                .params(Timestamp.from(at), id.value()).update();
    }

    /** A user with the hash of their password; only the sign-in path sees it. */
    public record Credentials(User user, String passwordHash) {

        @Override
        public String toString() {
            return "Credentials[" + user.email() + "]";
        }
    }

    private User lockForChange(WorkspaceId workspace, UserId id) {
        // Owners are locked in a fixed order, so two admins demoting the last two owners at once
        // cannot both succeed.
        jdbc.sql("select id from app_user where workspace_id = ? and role = 'OWNER' order by id for update")
                .param(workspace.value()).query().listOfRows();
        return get(workspace, id);
    }

    private void requireAnotherOwner(WorkspaceId workspace, UserId id) {
        int others = jdbc.sql("""
                select count(*) from app_user
                where workspace_id = ? and role = 'OWNER' and enabled and id <> ?""")
                .params(workspace.value(), id.value()).query(Integer.class).single();
        if (others == 0) {
            throw new RuleViolationException("user.owner.last", "A workspace must keep at least one enabled owner");
        }
    }

    private static void requireOwner(Actor actor) {
        if (actor.role() != Role.OWNER) {
            throw new RuleViolationException("user.owner.only", "Only an owner can grant or change the owner role");
        }
    }

    private static User map(ResultSet row, int n) throws SQLException {
        var lastLogin = row.getTimestamp("last_login_at");
        return new User(new UserId(row.getObject("id", UUID.class)),
                new WorkspaceId(row.getObject("workspace_id", UUID.class)), row.getString("email"),
                row.getString("display_name"), Role.valueOf(row.getString("role")), row.getBoolean("enabled"),
                row.getTimestamp("created_at").toInstant(), lastLogin == null ? null : lastLogin.toInstant());
    }
}
