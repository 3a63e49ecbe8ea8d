package io.beseda.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.catalog.feed.FeedRefusal;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The record of feed imports, newest first. */
@Service
public class CatalogImports {

    private static final TypeReference<List<FeedRefusal>> REFUSALS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CatalogImports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<ImportReport> recent(WorkspaceId workspace, int limit) {
        return jdbc.sql("select * from catalog_import where workspace_id = ? order by started_at desc limit ?")
                .params(workspace.value(), Math.clamp(limit, 1, 100)).query(this::map).list();
    }

    public Optional<ImportReport> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from catalog_import where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(this::map).optional();
    }

    private ImportReport map(java.sql.ResultSet r, int n) throws java.sql.SQLException {
        return new ImportReport(r.getObject("id", UUID.class), r.getString("source"), r.getTimestamp("started_at").toInstant(),
                r.getTimestamp("finished_at").toInstant(), r.getInt("categories"), r.getInt("added"), r.getInt("changed"),
                r.getInt("unchanged"), r.getInt("withdrawn"), r.getInt("refused"), json.readValue(r.getString("refusals"), REFUSALS),
                r.getString("failure"));
    }
}
