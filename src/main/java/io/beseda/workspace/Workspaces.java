package io.beseda.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The workspaces on this installation. */
@Repository
public class Workspaces {

    private final JdbcClient jdbc;

    Workspaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Workspace> find(WorkspaceId id) {
        return jdbc.sql("select * from workspace where id = ?").param(id.value())
                .query(Workspaces::map).optional();
    }

    public Optional<Workspace> findBySlug(String slug) {
        return jdbc.sql("select * from workspace where slug = ?").param(slug)
                .query(Workspaces::map).optional();
    }

    @Transactional
    public Workspace create(String slug, String name, ZoneId timeZone) {
        var id = WorkspaceId.random();
        jdbc.sql("insert into workspace (id, slug, name, time_zone) values (?, ?, ?, ?)")
                .params(id.value(), slug, name, timeZone.getId()).update();
        return find(id).orElseThrow();
    }

    private static Workspace map(ResultSet row, int n) throws SQLException {
        return new Workspace(new WorkspaceId(row.getObject("id", UUID.class)), row.getString("slug"),
                row.getString("name"), ZoneId.of(row.getString("time_zone")),
                row.getTimestamp("created_at").toInstant());
    }
}
